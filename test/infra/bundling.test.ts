import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RedressFunction } from '../../infra/constructs/redress-function.js';
import { RedressStack } from '../../infra/stacks/redress-stack.js';

const run = promisify(execFile);

/**
 * The other infra tests skip bundling; this one bundles the stack for real, as `cdk synth`
 * does, and loads each bundle in a plain Node process: an ESM bundle that cannot require() its
 * CommonJS dependencies, or a handler module that fails at cold start, shows up here.
 */
describe('function bundles', () => {
  let app: App;
  let stack: RedressStack;

  beforeAll(() => {
    app = new App();
    stack = new RedressStack(app, 'Redress');
    app.synth();
  }, 120_000);

  const bundleOf = (fn: RedressFunction): string => {
    const code = fn.function.node.findChild('Code');
    if (!(code instanceof s3assets.Asset)) throw new Error(`${fn.node.path} has no asset`);
    return join(app.outdir, code.assetPath, 'index.mjs');
  };

  // Stand-ins for what CloudFormation resolves at deploy time (table names, queue URL, ARNs).
  const deployTimeValues: Record<string, string> = {
    TABLE_NAME: 'cases',
    IDEMPOTENCY_TABLE_NAME: 'idempotency',
    INTAKE_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/000000000000/intake',
    ATTACHMENTS_BUCKET: 'case-attachments',
    SES_CONFIGURATION_SET: 'redress',
    STAFF_CLIENT_ID: 'console-client-id',
    SLA_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:000000000000:stateMachine:sla',
    TOKEN_SEAL_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:token-seal',
  };

  /**
   * The environment the template gives this function, as Lambda would: each handler must start
   * with exactly what the CDK gives it, so a variable the app needs and a construct forgets fails
   * here, not at the first cold start in AWS.
   */
  const environmentOf = (fn: RedressFunction): Record<string, string> => {
    const cfn = fn.function.node.defaultChild;
    if (!(cfn instanceof lambda.CfnFunction)) throw new Error(`${fn.node.path} has no CfnFunction`);
    const resolved: unknown = stack.resolve(cfn.environment);
    const variables =
      typeof resolved === 'object' && resolved !== null && 'variables' in resolved ? resolved.variables : {};
    const environment: Record<string, string> = {};
    for (const [name, value] of Object.entries(variables ?? {})) {
      const deployTime = deployTimeValues[name];
      if (typeof value === 'string') environment[name] = value;
      else if (deployTime !== undefined) environment[name] = deployTime;
      else throw new Error(`${fn.node.path}: ${name} is resolved at deploy time; add a stand-in value`);
    }
    return {
      ...environment,
      PATH: process.env.PATH ?? '',
      AWS_REGION: 'eu-west-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
  };

  it('bundles every function as index.mjs that loads and exports a handler', async () => {
    const functions = [
      ...stack.intakeApi.functions.values(),
      stack.intakeWorker.worker,
      stack.emailGateway.gateway,
      stack.slaWatch.step,
      stack.effectsProcessor.processor,
      stack.intakeRedriveSchedule.redrive,
      stack.deliveryEvents.recorder,
    ];
    for (const fn of functions) {
      const bundle = bundleOf(fn);
      expect(existsSync(bundle), bundle).toBe(true);
      expect(existsSync(`${bundle}.map`)).toBe(true);
      const { stdout } = await run(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import(${JSON.stringify(pathToFileURL(bundle).href)}); console.log(typeof m.handler);`,
        ],
        { env: environmentOf(fn) },
      );
      expect(stdout.trim(), fn.node.path).toBe('function');
    }
  }, 60_000);
});
