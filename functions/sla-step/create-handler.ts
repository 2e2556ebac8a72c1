import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { logger, metrics, tracer } from '../../shared/observability/powertools.js';
import {
  type SlaStepOutput,
  slaStepInputSchema,
  slaStepOutputSchema,
} from '../../shared/schemas/sla-step-schema.js';
import { createSlaStep, type SlaStepDependencies } from './sla-step.js';

/**
 * The Task of the SLA state machine: its input is the execution's state, validated at the edge;
 * its output becomes the next state, checked against the same schema so the Wait and the Choice
 * never read a state they do not understand.
 */
export const createSlaStepHandler = (deps: SlaStepDependencies) => {
  const step = createSlaStep(deps);
  return middy<unknown, SlaStepOutput>()
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .handler(async (event: unknown) =>
      slaStepOutputSchema.parse(await step(slaStepInputSchema.parse(event))),
    );
};
