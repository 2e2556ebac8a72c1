import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { defaultServiceName, metricsNamespace } from '../../shared/observability/observability-names.js';

/** Entries in the route table and the worker are written relative to the repository root. */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The one runtime every function runs on; tests assert it. */
export const functionRuntime = lambda.Runtime.NODEJS_22_X;

export type PowertoolsLogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

export interface RedressFunctionProps {
  /** Handler file relative to the repository root, e.g. `functions/intake-worker/handler.ts`. */
  readonly entry: string;
  readonly description: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  /** What the handler parses from its environment; the shared variables below are added. */
  readonly environment: Record<string, string>;
  /** POWERTOOLS_SERVICE_NAME: the `service` of every log line, metric and trace. @default 'redress' */
  readonly serviceName?: string;
  /** POWERTOOLS_LOG_LEVEL. @default 'INFO' */
  readonly logLevel?: PowertoolsLogLevel;
  /** @default six months: operational logs only, the case ledger is the record that is kept */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * How every Lambda of the app is packaged and run: a locally bundled ESM NodejsFunction on
 * arm64, its own log group with a retention, its own role that starts with nothing but writing
 * to that log group, and active X-Ray tracing. The Powertools variables name the service and the
 * metrics namespace for the shared Logger, Metrics and Tracer (shared/observability). Permissions
 * to data come only from the grant helpers of the data constructs.
 */
export class RedressFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: RedressFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.SIX_MONTHS,
    });

    // An own role instead of the default one: the default attaches the AWS managed
    // AWSLambdaBasicExecutionRole (cdk-nag IAM4), which may write to every log group.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: props.description,
    });
    this.logGroup.grantWrite(this.role);

    // X-Ray has no resource-level permissions, so its statement needs `*`. It lives in a policy
    // of its own so that the acknowledgement covers exactly this statement and a wildcard that
    // ever lands in the role's default policy is still reported.
    const tracingPolicy = new iam.Policy(this, 'TracingPolicy', {
      statements: [
        new iam.PolicyStatement({
          actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
          resources: ['*'],
        }),
      ],
    });
    tracingPolicy.attachToRole(this.role);
    Validations.of(tracingPolicy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions.',
    });

    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry: join(repositoryRoot, props.entry),
      projectRoot: repositoryRoot,
      depsLockFilePath: join(repositoryRoot, 'package-lock.json'),
      handler: 'handler',
      description: props.description,
      runtime: functionRuntime,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: props.serviceName ?? defaultServiceName,
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
        // Handler responses carry cases (names, contact details, complaint text); X-Ray must not
        // keep a copy as segment metadata. Errors are still recorded.
        POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
        // Stack traces point into the TypeScript sources instead of the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        format: nodejs.OutputFormat.ESM,
        target: 'node22',
        // Prefer the ESM builds of dependencies, which tree-shake better.
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        // Some dependencies are CommonJS and call require(); an ESM bundle has no require of its own.
        banner:
          "import { createRequire as redressCreateRequire } from 'node:module'; const require = redressCreateRequire(import.meta.url);",
        // The SDK is bundled from the lock file rather than taken from the runtime, so the
        // deployed code runs the same client versions the tests ran.
        bundleAwsSDK: true,
      },
    });

    // Tracing is switched on here rather than with the `tracing` prop, which would put the
    // X-Ray wildcard into the default policy (see above). Lambda checks the role for X-Ray
    // permissions when the function is created, hence the dependency.
    const cfnFunction = this.function.node.defaultChild;
    if (!(cfnFunction instanceof lambda.CfnFunction)) throw new Error('RedressFunction: no CfnFunction');
    cfnFunction.tracingConfig = { mode: lambda.Tracing.ACTIVE };
    this.function.node.addDependency(tracingPolicy);

    Validations.of(cfnFunction).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Runtime pinned to nodejs22.x (supported into 2027), the Node line the bundles target and the code is tested on; moving to a newer runtime is a deliberate upgrade, not a side effect of a library update.',
    });
  }
}
