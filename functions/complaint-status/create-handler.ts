import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { jsonErrors } from '../../shared/http/json-errors.js';
import { logger, metrics, tracer } from '../../shared/observability/powertools.js';
import { type ComplaintStatusDependencies, createComplaintStatus } from './complaint-status.js';

/** GET /api/complaints/{reference}?token=... */
export const createComplaintStatusHandler = (deps: ComplaintStatusDependencies) =>
  middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(jsonErrors())
    .handler(createComplaintStatus(deps));
