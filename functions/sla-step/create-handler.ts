import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { logger } from '../../shared/observability/logger.js';
import { createSlaStep, type SlaStepDependencies, type SlaStepOutput } from './sla-step.js';

export const slaStepInputSchema = z.strictObject({
  reference: z.string().regex(/^RD-\d{8}-[2-9A-Z]{6}$/),
  generation: z.number().int().min(1),
  wakeAt: z.iso.datetime(),
});

/** The Task of the SLA state machine: its input is the execution's state, validated at the edge. */
export const createSlaStepHandler = (deps: SlaStepDependencies) => {
  const step = createSlaStep(deps);
  return middy<unknown, SlaStepOutput>()
    .use(injectLambdaContext(logger))
    .handler((event: unknown, context: Context) => step(slaStepInputSchema.parse(event), context));
};
