import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { RedressFunction } from '../../infra/constructs/redress-function.js';
import { RedressStack } from '../../infra/stacks/redress-stack.js';
import { defaultServiceName, metricsNamespace } from '../../shared/observability/observability-names.js';
import { appWithoutBundling, cfnLogicalId } from './template-helpers.js';

/** The one Lambda in the stack that aws-cdk-lib adds itself (the gateway bucket's notifications). */
const s3NotificationsHandler =
  'AWS CloudFormation handler for "Custom::S3BucketNotifications" resources (@aws-cdk/aws-s3)';

describe('observability settings of every function', () => {
  let template: Template;
  let appFunctionIds: string[];

  beforeAll(() => {
    const stack = new RedressStack(appWithoutBundling(), 'Redress');
    template = Template.fromStack(stack);
    appFunctionIds = stack.node
      .findAll()
      .filter((construct): construct is RedressFunction => construct instanceof RedressFunction)
      .map((fn) => cfnLogicalId(fn.function, lambda.CfnFunction));
  });

  const appFunctions = () =>
    Object.entries(template.findResources('AWS::Lambda::Function')).filter(([id]) =>
      appFunctionIds.includes(id),
    );

  it('finds every function of the app', () => {
    const others = Object.entries(template.findResources('AWS::Lambda::Function')).filter(
      ([id]) => !appFunctionIds.includes(id),
    );
    expect(appFunctions().length).toBeGreaterThan(0);
    expect(others.map(([, fn]) => fn.Properties.Description)).toEqual([s3NotificationsHandler]);
  });

  it('names the service and the metrics namespace for Logger, Metrics and Tracer', () => {
    for (const [id, fn] of appFunctions()) {
      expect(fn.Properties.Environment?.Variables, id).toMatchObject({
        POWERTOOLS_SERVICE_NAME: defaultServiceName,
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
      });
    }
  });

  it('traces actively without copying handler responses (cases, personal data) into X-Ray', () => {
    for (const [id, fn] of appFunctions()) {
      expect(fn.Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(fn.Properties.Environment?.Variables?.POWERTOOLS_TRACER_CAPTURE_RESPONSE, id).toBe('false');
    }
  });

  it('leaves the local switches out of AWS: metrics and tracing stay on there', () => {
    for (const [id, fn] of appFunctions()) {
      const names = Object.keys(fn.Properties.Environment?.Variables ?? {});
      for (const localSwitch of [
        'POWERTOOLS_METRICS_DISABLED',
        'POWERTOOLS_TRACE_ENABLED',
        'POWERTOOLS_DEV',
      ]) {
        expect(names, id).not.toContain(localSwitch);
      }
    }
  });
});
