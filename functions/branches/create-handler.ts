import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { jsonErrors } from '../../shared/http/json-errors.js';
import { logger, metrics, tracer } from '../../shared/observability/powertools.js';
import { type BranchesDependencies, createBranches } from './branches.js';

/** GET /api/branches and PUT /api/branches/{code}. Composition only. */
export const createBranchesHandler = (deps: BranchesDependencies) =>
  middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(jsonErrors())
    .handler(createBranches(deps));
