import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { logger, metrics, tracer } from '../../shared/observability/powertools.js';
import {
  createRecordDelivery,
  type DeliveryEventDependencies,
  type DeliveryResult,
} from './record-delivery.js';
import { deliveryReportOf, sesDeliveryEventSchema } from './ses-delivery-event.js';

/**
 * An SES delivery event from the default bus, one per invocation. A malformed event or a failed
 * write fails the invocation, so Lambda retries it and then hands it to the dead-letter queue.
 */
export const createDeliveryEventsHandler = (deps: DeliveryEventDependencies) => {
  const record = createRecordDelivery(deps);
  return middy<unknown, DeliveryResult>()
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .handler((event: unknown) => record(deliveryReportOf(sesDeliveryEventSchema.parse(event))));
};
