import { Duration } from 'aws-cdk-lib';
import * as lambdaEventSources from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { AppEnvironment } from '../../shared/config/app-config.js';
import type { RoutingRules } from '../../shared/config/routing-rules.js';
import { routingEnvironment } from './app-environment.js';
import type { CaseData } from './case-data.js';
import type { IntakeQueue } from './intake-queue.js';
import { type PowertoolsLogLevel, RedressFunction } from './redress-function.js';

export const intakeWorkerEntry = 'functions/intake-worker/handler.ts';

export interface IntakeWorkerProps {
  readonly caseData: CaseData;
  /** Source of the batches; its settings give the worker's timeout and batching. */
  readonly intakeQueue: IntakeQueue;
  /** Seals the customer's status token into the acknowledgement the registration owes. */
  readonly tokenSealSecret: secretsmanager.ISecret;
  /** First-responder routing; the handler's sample rules apply when unset. */
  readonly routingRules?: RoutingRules;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default 'INFO' */
  readonly logLevel?: PowertoolsLogLevel;
  /** @default six months */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * Registers received complaints from the intake queue: partial batch failures are reported, so
 * one bad record is retried alone until the dead-letter queue takes it.
 */
export class IntakeWorker extends Construct {
  readonly worker: RedressFunction;

  constructor(scope: Construct, id: string, props: IntakeWorkerProps) {
    super(scope, id);
    const settings = props.intakeQueue.settings;
    // A batch still running when its messages become visible again would be processed twice at
    // once. Lambda only checks timeout <= visibility at deploy time; this fails the synth.
    if (settings.workerTimeoutSeconds >= settings.visibilityTimeoutSeconds) {
      throw new Error(
        `IntakeWorker: timeout ${settings.workerTimeoutSeconds}s must be below the queue visibility timeout ${settings.visibilityTimeoutSeconds}s`,
      );
    }

    const environment: AppEnvironment = {
      TABLE_NAME: props.caseData.table.tableName,
      TOKEN_SEAL_SECRET_ARN: props.tokenSealSecret.secretArn,
      ...routingEnvironment(props.routingRules),
    };

    this.worker = new RedressFunction(this, 'Worker', {
      entry: intakeWorkerEntry,
      description:
        'Registers received complaints: first responder, deadlines, the watch and acknowledgement owed',
      memorySize: props.memorySize ?? 512,
      timeout: Duration.seconds(settings.workerTimeoutSeconds),
      environment,
      logLevel: props.logLevel,
      logRetention: props.logRetention,
    });

    props.caseData.grantReadWriteCases(this.worker.role);
    props.tokenSealSecret.grantRead(this.worker.role);

    // Also grants the worker receive/delete/change-visibility on this queue only.
    this.worker.function.addEventSource(
      new lambdaEventSources.SqsEventSource(props.intakeQueue.queue, {
        batchSize: settings.batchSize,
        maxBatchingWindow: Duration.seconds(settings.maxBatchingWindowSeconds),
        reportBatchItemFailures: true,
      }),
    );
  }
}
