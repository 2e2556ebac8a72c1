import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { logger } from '../observability/logger.js';
import { errorResult } from './api-response.js';
import { HttpProblem } from './http-problem.js';

/**
 * The only place errors become HTTP answers: typed problems keep their status and fields;
 * anything else is a 500 whose details stay in the log (by error name, never the payload).
 */
export const jsonErrors = (): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => ({
  onError: async (request) => {
    const { error } = request;
    if (error instanceof HttpProblem) {
      request.response = errorResult(error.status, error.code, error.message, error.fields);
      return;
    }
    logger.error('unhandled error', { errorName: error instanceof Error ? error.name : 'unknown' });
    request.response = errorResult(500, 'internal', 'Something went wrong on our side. Please try again.');
  },
});
