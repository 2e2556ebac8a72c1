import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { jsonErrors } from '../../shared/http/json-errors.js';
import { logger } from '../../shared/observability/logger.js';
import { createSubmitComplaint, type SubmitComplaintDependencies } from './submit-complaint.js';

/** POST /api/complaints. Composition only; the local runtime builds the same chain. */
export const createSubmitComplaintHandler = (deps: SubmitComplaintDependencies) =>
  middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger))
    .use(jsonErrors())
    .handler(createSubmitComplaint(deps));
