import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { jsonErrors } from '../../shared/http/json-errors.js';
import { logger } from '../../shared/observability/logger.js';
import { type ComplaintStatusDependencies, createComplaintStatus } from './complaint-status.js';

/** GET /api/complaints/{reference}?token=... */
export const createComplaintStatusHandler = (deps: ComplaintStatusDependencies) =>
  middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger))
    .use(jsonErrors())
    .handler(createComplaintStatus(deps));
