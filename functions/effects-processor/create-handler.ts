import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { z } from 'zod';
import { itemAttributes } from '../../shared/adapters/dynamodb/case-items.js';
import { logger, metrics, tracer } from '../../shared/observability/powertools.js';
import { outboxRecordSchema } from '../../shared/schemas/case-effect-schema.js';
import { createEffectProcessor, type EffectsDependencies } from './process-effect.js';

const outboxImageSchema = z.object({ [itemAttributes.outbox]: outboxRecordSchema });
const attributeValuesSchema = z.record(
  z.string(),
  z.custom<AttributeValue>((value) => typeof value === 'object'),
);

/** The outbox record in a stream record's new image; a record of another shape fails on its own. */
const outboxRecordOf = (record: DynamoDBRecord) => {
  const image = attributeValuesSchema.parse(record.dynamodb?.NewImage);
  return outboxImageSchema.parse(unmarshall(image))[itemAttributes.outbox];
};

/**
 * New outbox records from the case table's stream (the event source mapping filters them). Each
 * record stands alone: a failing one is reported back (ReportBatchItemFailures) and retried from
 * there; records are handled in stream order, so a case's effects happen in the order owed.
 */
export const createEffectsHandler = (deps: EffectsDependencies) => {
  const processEffect = createEffectProcessor(deps);
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  const recordHandler = async (record: DynamoDBRecord, context?: Context): Promise<void> =>
    processEffect(outboxRecordOf(record), context);

  return middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .handler((event: DynamoDBStreamEvent, context: Context) =>
      processPartialResponse(event, recordHandler, processor, { context, processInParallel: false }),
    );
};
