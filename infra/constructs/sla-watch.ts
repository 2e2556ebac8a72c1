import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { AppEnvironment } from '../../shared/config/app-config.js';
import type { CaseData } from './case-data.js';
import { type PowertoolsLogLevel, RedressFunction } from './redress-function.js';
import { SlaWorkflow } from './sla-workflow.js';

export const slaStepEntry = 'functions/sla-step/handler.ts';

export interface SlaWatchProps {
  /** The step re-reads each case and records what fell due on it. */
  readonly caseData: CaseData;
  /** Retries of a failed step before the execution fails. @default 3 */
  readonly stepRetries?: number;
  /** First retry interval, doubled on each retry. @default 30 seconds */
  readonly stepRetryInterval?: Duration;
  /** @default 'INFO' */
  readonly logLevel?: PowertoolsLogLevel;
  /** Of the step function's and the state machine's log groups. @default six months */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * Flow 5: the step Lambda and the Standard state machine that runs it once per due time of a
 * case. The state machine may invoke the step and nothing else; the step reads and writes cases
 * (the notices it owes go with its writes to the outbox) and cannot mail, start or stop watches.
 */
export class SlaWatch extends Construct {
  readonly step: RedressFunction;
  readonly stateMachine: sfn.StateMachine;
  /** Any execution that failed, timed out or was aborted: a case stopped being watched. */
  readonly stoppedWatchAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: SlaWatchProps) {
    super(scope, id);

    const environment: AppEnvironment = { TABLE_NAME: props.caseData.table.tableName };
    this.step = new RedressFunction(this, 'Step', {
      entry: slaStepEntry,
      description:
        'SLA watch step: re-reads a case, records what fell due with the notices owed, says when to wake',
      memorySize: 512,
      timeout: Duration.seconds(60),
      environment,
      logLevel: props.logLevel,
      logRetention: props.logRetention,
    });
    props.caseData.grantReadWriteCases(this.step.role);

    const workflow = new SlaWorkflow(this, 'Workflow', {
      stepFunction: this.step.function,
      stepRetries: props.stepRetries,
      stepRetryInterval: props.stepRetryInterval,
      logRetention: props.logRetention,
    });
    this.stateMachine = workflow.stateMachine;
    this.stoppedWatchAlarm = this.stoppedWatchAlarmFor(this.stateMachine);
    this.acknowledgeStateMachineFindings();
  }

  /** states:StartExecution on this state machine only: for whoever starts a case's watch. */
  grantStartWatch(grantee: iam.IGrantable): iam.Grant {
    return this.stateMachine.grantStartExecution(grantee);
  }

  /**
   * An execution ends on its own only when its case is finished. One that failed after its step
   * retries, timed out or was aborted leaves a case nobody's clock is watching, so one is enough
   * to call someone.
   */
  private stoppedWatchAlarmFor(stateMachine: sfn.StateMachine): cloudwatch.Alarm {
    const period = Duration.minutes(5);
    const sum = cloudwatch.Stats.SUM;
    return new cloudwatch.Alarm(this, 'StoppedWatchAlarm', {
      alarmDescription:
        'An SLA watch execution failed, timed out or was aborted: its case is no longer watched. Read the execution, fix the cause and start the watch again for that case.',
      metric: new cloudwatch.MathExpression({
        label: 'Stopped SLA watches',
        expression: 'failed + timedOut + aborted',
        usingMetrics: {
          failed: stateMachine.metricFailed({ period, statistic: sum }),
          timedOut: stateMachine.metricTimedOut({ period, statistic: sum }),
          aborted: stateMachine.metricAborted({ period, statistic: sum }),
        },
        period,
      }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }

  private acknowledgeStateMachineFindings(): void {
    const cfnStep = this.step.function.node.defaultChild;
    if (!(cfnStep instanceof lambda.CfnFunction)) throw new Error('SlaWatch: the step has no CfnFunction');
    const stepArn = `<${Stack.of(this).getLogicalId(cfnStep)}.Arn>`;

    Validations.of(this.stateMachine).acknowledge({
      id: 'AwsSolutions-SF1',
      reason:
        'Logs at ERROR level without execution data: every case has an execution, so ALL would copy each transition (and case references) into logs for months, while the case ledger already records every step and the execution history holds the rest.',
    });
    Validations.of(this.stateMachine.role).acknowledge(
      {
        id: `AwsSolutions-IAM5[Resource::${stepArn}:*]`,
        reason:
          'The LambdaInvoke task grants the versions and aliases of the one step function alongside the function itself; no other function is named.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Vended log delivery (logs:*LogDelivery, ListLogDeliveries, PutResourcePolicy, DescribeResourcePolicies, DescribeLogGroups) and X-Ray (PutTraceSegments, PutTelemetryRecords, GetSamplingRules, GetSamplingTargets) support no resource-level permissions; the infra tests check that no other action gets the wildcard.',
      },
    );
  }
}
