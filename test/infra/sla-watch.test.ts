import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CaseData } from '../../infra/constructs/case-data.js';
import { SlaWatch, type SlaWatchProps } from '../../infra/constructs/sla-watch.js';
import { slaStates } from '../../infra/constructs/sla-workflow.js';
import { RedressStack } from '../../infra/stacks/redress-stack.js';
import {
  actionsOf,
  appWithoutBundling,
  cfnLogicalId,
  nagFindings,
  onlyResource,
  resourcesOf,
  statementsOfRole,
} from './template-helpers.js';

/**
 * CloudFormation intrinsics inside the definition, written as placeholders that stay valid
 * inside a JSON string: `<Id.Arn>` for a GetAtt, `<Id>` for a Ref.
 */
const definitionPart = z.union([
  z.string(),
  z
    .strictObject({ 'Fn::GetAtt': z.tuple([z.string(), z.string()]) })
    .transform(({ 'Fn::GetAtt': [id, attribute] }) => `<${id}.${attribute}>`),
  z.strictObject({ Ref: z.string() }).transform(({ Ref }) => `<${Ref}>`),
]);
const definitionStringSchema = z.strictObject({
  'Fn::Join': z.tuple([z.literal(''), z.array(definitionPart)]),
});

const stateSchema = z.looseObject({
  Type: z.string(),
  QueryLanguage: z.string().optional(),
  TimestampPath: z.string().optional(),
  Resource: z.string().optional(),
  Retry: z
    .array(z.looseObject({ ErrorEquals: z.array(z.string()), MaxAttempts: z.number().optional() }))
    .optional(),
});
const aslSchema = z.looseObject({
  StartAt: z.string(),
  QueryLanguage: z.string().optional(),
  States: z.record(z.string(), stateSchema),
});
type Asl = z.infer<typeof aslSchema>;

const definitionOf = (template: Template): Asl => {
  const machine = onlyResource(template, 'AWS::StepFunctions::StateMachine');
  const joined = definitionStringSchema.parse(machine.properties.DefinitionString)['Fn::Join'][1].join('');
  return aslSchema.parse(JSON.parse(joined));
};

const stateOf = (asl: Asl, name: string) => {
  const state = asl.States[name];
  if (state === undefined) throw new Error(`no state named "${name}"`);
  return state;
};

/** Actions the state machine role may hold on `*`: vended log delivery and X-Ray only. */
const wildcardOnlyActions = [
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
];

/** The construct alone, on fresh data and mail constructs, for the props the stack does not set. */
const standalone = (props: Partial<SlaWatchProps> = {}): { stack: Stack; watch: SlaWatch } => {
  const stack = new Stack(appWithoutBundling(), 'Watch');
  const caseData = new CaseData(stack, 'CaseData');
  const watch = new SlaWatch(stack, 'SlaWatch', { caseData, ...props });
  return { stack, watch };
};

describe('SlaWatch in the stack', () => {
  let stack: RedressStack;
  let template: Template;
  let machineId: string;
  let stepId: string;
  let asl: Asl;

  beforeAll(() => {
    stack = new RedressStack(appWithoutBundling(), 'Redress');
    template = Template.fromStack(stack);
    machineId = cfnLogicalId(stack.slaWatch.stateMachine, sfn.CfnStateMachine);
    stepId = cfnLogicalId(stack.slaWatch.step.function, lambda.CfnFunction);
    asl = definitionOf(template);
  });

  it('is a Standard state machine: executions wait for weeks, far beyond Express limits', () => {
    expect(onlyResource(template, 'AWS::StepFunctions::StateMachine').properties.StateMachineType).toBe(
      'STANDARD',
    );
  });

  it('starts by waiting until the timestamp in $.wakeAt', () => {
    expect(asl.StartAt).toBe(slaStates.wait);
    const wait = stateOf(asl, slaStates.wait);
    expect(wait.Type).toBe('Wait');
    expect(wait.TimestampPath).toBe('$.wakeAt');
  });

  it('invokes the step function directly and retries any error three times', () => {
    const act = stateOf(asl, slaStates.act);
    expect(act.Type).toBe('Task');
    // payloadResponseOnly: the Task names the function itself, its output is the handler's result.
    expect(act.Resource).toBe(`<${stepId}.Arn>`);
    expect(act.Retry).toEqual(
      expect.arrayContaining([expect.objectContaining({ ErrorEquals: ['States.ALL'], MaxAttempts: 3 })]),
    );
  });

  it('stays on JSONPath, which the local runner executes', () => {
    expect(asl.QueryLanguage ?? 'JSONPath').toBe('JSONPath');
    for (const state of Object.values(asl.States)) {
      expect(state.QueryLanguage ?? 'JSONPath').toBe('JSONPath');
    }
  });

  it('logs errors without execution data and traces with X-Ray', () => {
    const properties = onlyResource(template, 'AWS::StepFunctions::StateMachine').properties;
    expect(properties.LoggingConfiguration).toMatchObject({ Level: 'ERROR', IncludeExecutionData: false });
    expect(properties.TracingConfiguration).toEqual({ Enabled: true });
  });

  it('lets the state machine invoke the step function and nothing else', () => {
    const statements = statementsOfRole(
      template,
      cfnLogicalId(stack.slaWatch.stateMachine.role, iam.CfnRole),
    );
    const invoking = statements.filter((statement) =>
      actionsOf([statement]).some((action) => action.startsWith('lambda:')),
    );
    expect(invoking).toHaveLength(1);
    for (const statement of invoking) {
      expect(actionsOf([statement])).toEqual(['lambda:InvokeFunction']);
      const stepArn = { 'Fn::GetAtt': [stepId, 'Arn'] };
      expect(resourcesOf(statement)).toEqual([stepArn, { 'Fn::Join': ['', [stepArn, ':*']] }]);
    }
    // Everything else on the role is the wildcard-only log delivery and X-Ray the acknowledgement covers.
    const others = statements.filter((statement) => !invoking.includes(statement));
    for (const statement of others) expect(resourcesOf(statement)).toEqual(['*']);
    expect([...new Set(actionsOf(others))].sort()).toEqual([...wildcardOnlyActions].sort());
  });

  it('gives the step function cases only: no mail, no Step Functions (its notices are outbox records)', () => {
    const actions = actionsOf(
      statementsOfRole(template, cfnLogicalId(stack.slaWatch.step.role, iam.CfnRole)),
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:GetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
      ]),
    );
    expect(actions.filter((action) => action.startsWith('states:'))).toEqual([]);
    expect(actions.filter((action) => action.startsWith('ses:'))).toEqual([]);
    expect(actions).not.toContain('dynamodb:Scan');
  });

  it('runs the step for at most 60 s on 512 MB, with the variable its handler parses', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Timeout: 60,
      MemorySize: 512,
      Environment: {
        Variables: Match.objectLike({ TABLE_NAME: stack.resolve(stack.caseData.table.tableName) }),
      },
    });
  });

  it('lets only the effects processor start executions, of this state machine only', () => {
    const starters = [stack.effectsProcessor.processor.role, stack.intakeWorker.worker.role].map((role) =>
      statementsOfRole(template, cfnLogicalId(role, iam.CfnRole)).filter((statement) =>
        actionsOf([statement]).some((action) => action.startsWith('states:')),
      ),
    );
    const [processor, worker] = starters;
    expect(worker).toEqual([]);
    expect(processor).toHaveLength(1);
    for (const statement of processor ?? []) {
      expect(actionsOf([statement])).toEqual(['states:StartExecution']);
      expect(resourcesOf(statement)).toEqual([{ Ref: machineId }]);
    }
  });

  it('raises an alarm on the first execution that fails, times out or is aborted', () => {
    const alarm =
      template.findResources('AWS::CloudWatch::Alarm')[
        cfnLogicalId(stack.slaWatch.stoppedWatchAlarm, cloudwatch.CfnAlarm)
      ];
    const alarmSchema = z.object({
      Properties: z.object({
        Threshold: z.number(),
        ComparisonOperator: z.string(),
        EvaluationPeriods: z.number(),
        TreatMissingData: z.string(),
        Metrics: z.array(
          z.object({
            Expression: z.string().optional(),
            MetricStat: z
              .object({
                Metric: z.object({
                  MetricName: z.string(),
                  Dimensions: z.array(z.object({ Name: z.string(), Value: z.object({ Ref: z.string() }) })),
                }),
                Stat: z.string(),
              })
              .optional(),
          }),
        ),
      }),
    });
    const { Properties } = alarmSchema.parse(alarm);
    expect(Properties).toMatchObject({
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
    const stats = Properties.Metrics.flatMap((metric) => (metric.MetricStat ? [metric.MetricStat] : []));
    expect(stats.map((stat) => stat.Metric.MetricName).sort()).toEqual([
      'ExecutionsAborted',
      'ExecutionsFailed',
      'ExecutionsTimedOut',
    ]);
    for (const stat of stats) {
      expect(stat.Stat).toBe('Sum');
      expect(stat.Metric.Dimensions).toEqual([{ Name: 'StateMachineArn', Value: { Ref: machineId } }]);
    }
    expect(Properties.Metrics.find((metric) => metric.Expression)?.Expression).toBe(
      'failed + timedOut + aborted',
    );
  });

  it('outputs the state machine ARN', () => {
    template.hasOutput('SlaStateMachineArn', { Value: { Ref: machineId } });
  });

  it('has no unacknowledged AwsSolutions findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('SlaWatch props', () => {
  it('takes the step retries from props', () => {
    const { stack } = standalone({ stepRetries: 5, stepRetryInterval: Duration.seconds(10) });
    const act = stateOf(definitionOf(Template.fromStack(stack)), slaStates.act);
    expect(act.Retry).toEqual([
      expect.objectContaining({ ErrorEquals: ['States.ALL'], MaxAttempts: 5, IntervalSeconds: 10 }),
    ]);
  });

  // The step role's own acknowledgement covers the X-Ray policy only, not its default policy.
  it('reports a wildcard that lands in the step role', () => {
    const { stack, watch } = standalone();
    watch.step.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['ses:SendEmail'], resources: ['*'] }),
    );
    expect(nagFindings(stack)).toEqual([
      expect.stringMatching(/AwsSolutions-IAM5.* at Watch\/SlaWatch\/Step\/Role\/DefaultPolicy/),
    ]);
  });
});
