import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import {
  type SlaWatchState,
  slaStateFields,
  slaStatePath,
  slaStepInputFields,
} from '../../shared/schemas/sla-step-schema.js';

/**
 * State names an operator reads in an execution's history; tests and the local runner use the
 * same constants, so renaming a state cannot silently break either.
 */
export const slaStates = {
  wait: 'Wait until the next due time',
  act: 'Act on what is due',
  decide: 'Still watching the case?',
  handOver: 'Decided: hand over to the revisit',
  paused: 'Clock paused: resume starts a new watch',
  superseded: 'Superseded by a newer watch',
} as const;

export interface SlaWorkflowProps {
  /** The Lambda that re-reads the case, does what is due and says when to wake next. */
  readonly stepFunction: lambda.IFunction;
  /** Retries of a failed step before the execution fails (and the overdue audit takes over). */
  readonly stepRetries?: number;
  readonly stepRetryInterval?: Duration;
  /** @default six months */
  readonly logRetention?: logs.RetentionDays;
  /** Off for the local runner's definition-only synthesis. @default true */
  readonly logging?: boolean;
}

/**
 * One Standard workflow per case: wait until the case's next due time (a UTC timestamp in the
 * input), act, loop. Deadlines live on the case, so an extension or a pause is just new data the
 * next step reads; a due time that moves earlier starts a new execution with a newer generation
 * and the old one ends itself as superseded when it wakes.
 */
export class SlaWorkflow extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: SlaWorkflowProps) {
    super(scope, id);

    const wait = new sfn.Wait(this, 'Wait', {
      stateName: slaStates.wait,
      time: sfn.WaitTime.timestampPath(slaStatePath(slaStateFields.wakeAt)),
    });
    const act = new tasks.LambdaInvoke(this, 'Act', {
      stateName: slaStates.act,
      lambdaFunction: props.stepFunction,
      payloadResponseOnly: true,
      // Exactly the step's input fields, so the Lambda's strict schema never sees a stray one.
      payload: sfn.TaskInput.fromObject(
        Object.fromEntries(slaStepInputFields.map((field) => [`${field}.$`, slaStatePath(field)])),
      ),
      retryOnServiceExceptions: false,
    });
    // Every action is idempotent on the case record, so a retried step never notifies twice.
    act.addRetry({
      errors: ['States.ALL'],
      maxAttempts: props.stepRetries ?? 3,
      interval: props.stepRetryInterval ?? Duration.seconds(30),
      backoffRate: 2,
    });

    const watchIs = (state: SlaWatchState) =>
      sfn.Condition.stringEquals(slaStatePath(slaStateFields.watch), state);
    const decide = new sfn.Choice(this, 'Decide', { stateName: slaStates.decide })
      .when(watchIs('watching'), wait)
      .when(watchIs('finished'), new sfn.Succeed(this, 'HandOver', { stateName: slaStates.handOver }))
      .when(watchIs('paused'), new sfn.Succeed(this, 'Paused', { stateName: slaStates.paused }))
      .otherwise(new sfn.Succeed(this, 'Superseded', { stateName: slaStates.superseded }));

    const definition = wait.next(act).next(decide);

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      comment: 'Watches one complaint until it is decided: reminders, breaches, the escalation ladder',
      tracingEnabled: true,
      ...(props.logging === false
        ? {}
        : {
            logs: {
              destination: new logs.LogGroup(this, 'Logs', {
                retention: props.logRetention ?? logs.RetentionDays.SIX_MONTHS,
              }),
              level: sfn.LogLevel.ERROR,
              includeExecutionData: false,
            },
          }),
    });
  }
}
