import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { parser } from '@aws-lambda-powertools/batch/parser';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { JSONStringified } from '@aws-lambda-powertools/parser/helpers';
import { SqsRecordSchema } from '@aws-lambda-powertools/parser/schemas/sqs';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { z } from 'zod';
import { logger, metrics, tracer } from '../../shared/observability/powertools.js';
import { intakeMessageSchema } from '../../shared/schemas/intake-message-schema.js';
import { createRegisterComplaint, type RegisterComplaintDependencies } from './register-complaint.js';

/**
 * SQS batch from the intake queue. Each record stands alone: a failing record is reported back
 * (ReportBatchItemFailures) and retried by SQS until the dead-letter queue takes it.
 */
const intakeRecordSchema = SqsRecordSchema.extend({ body: JSONStringified(intakeMessageSchema) });

export const createIntakeWorkerHandler = (deps: RegisterComplaintDependencies) => {
  const register = createRegisterComplaint(deps);
  // A record whose body does not parse fails on its own and goes the retry/DLQ way.
  const processor = new BatchProcessor(EventType.SQS, { parser, schema: intakeRecordSchema });

  const recordHandler = async (
    record: z.infer<typeof intakeRecordSchema>,
    _context?: Context,
  ): Promise<void> => {
    const registered = await register(record.body);
    logger.info('complaint registered', { reference: registered.reference, status: registered.status });
  };

  return middy<SQSEvent, SQSBatchResponse>()
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .handler((event: SQSEvent, context: Context) =>
      processPartialResponse(event, recordHandler, processor, { context }),
    );
};
