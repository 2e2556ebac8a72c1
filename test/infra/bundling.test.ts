import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
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

  // What the handlers parse at cold start; values only need to be well-formed.
  const environment = {
    PATH: process.env.PATH ?? '',
    AWS_REGION: 'eu-west-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    TABLE_NAME: 'cases',
    IDEMPOTENCY_TABLE_NAME: 'idempotency',
    INTAKE_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/000000000000/intake',
    PUBLIC_BASE_URL: 'https://complaints.bank.example',
    SENDER_ADDRESS: 'complaints-noreply@bank.example',
    COMPLAINTS_ADDRESS: 'complaints@bank.example',
    ATTACHMENTS_BUCKET: 'case-attachments',
    SLA_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:000000000000:stateMachine:sla',
    TOKEN_SEAL_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:token-seal',
  };

  it('bundles every function as index.mjs that loads and exports a handler', async () => {
    const functions = [
      ...stack.intakeApi.functions.values(),
      stack.intakeWorker.worker,
      stack.emailGateway.gateway,
      stack.slaWatch.step,
      stack.effectsProcessor.processor,
      stack.intakeRedriveSchedule.redrive,
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
        { env: environment },
      );
      expect(stdout.trim(), fn.node.path).toBe('function');
    }
  }, 60_000);
});
