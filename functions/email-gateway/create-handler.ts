import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { S3Schema } from '@aws-lambda-powertools/parser/schemas/s3';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context, S3Event } from 'aws-lambda';
import { emailGatewaySettings } from '../../shared/config/email-gateway-settings.js';
import { logger, metrics, tracer } from '../../shared/observability/powertools.js';
import { createProcessInboundMail, type EmailGatewayDependencies } from './process-inbound-mail.js';

/**
 * S3 "object created" for raw mail the SES receipt rule stored. Records are processed one by
 * one; any failure fails the invocation so Lambda retries it and, after the retries, hands the
 * event to the failure destination (a dead-letter queue with an alarm).
 */
export const createEmailGatewayHandler = (deps: EmailGatewayDependencies) => {
  const processMail = createProcessInboundMail(deps);
  return middy<S3Event, void>()
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .handler(async (event: S3Event, context: Context) => {
      const parsed = S3Schema.parse(event);
      for (const record of parsed.Records) {
        // S3 event keys are URL-encoded with '+' for spaces.
        const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
        if (key.endsWith(emailGatewaySettings.setupNotificationKey)) {
          logger.info('skipped the SES receipt-rule setup probe');
          continue;
        }
        await processMail({ bucket: record.s3.bucket.name, key }, context);
      }
    });
};
