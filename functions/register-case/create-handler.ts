import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { jsonErrors } from '../../shared/http/json-errors.js';
import { logger, metrics, tracer } from '../../shared/observability/powertools.js';
import { createRegisterCase, type RegisterCaseDependencies } from './register-case.js';

/** POST /api/cases. Composition only; the local runtime builds the same chain. */
export const createRegisterCaseHandler = (deps: RegisterCaseDependencies) =>
  middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(jsonErrors())
    .handler(createRegisterCase(deps));
