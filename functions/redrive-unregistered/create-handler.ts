import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { logger, metrics, tracer } from '../../shared/observability/powertools.js';
import { redriveUnregistered } from '../intake-worker/redrive-unregistered.js';

export type RedriveUnregisteredDependencies = Parameters<typeof redriveUnregistered>[0];

export interface RedriveUnregisteredResult {
  /** How many received complaints were sent to the intake queue again. */
  requeued: number;
}

/**
 * Invoked by EventBridge Scheduler every few minutes. The event carries nothing this needs (the
 * clock decides what is stuck), so it is not parsed. A failure is thrown, not swallowed: the
 * invocation is retried and then dead-lettered, and the next scheduled run tries again anyway.
 */
export const createRedriveUnregisteredHandler = (deps: RedriveUnregisteredDependencies) =>
  middy<unknown, RedriveUnregisteredResult>()
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .handler(async (): Promise<RedriveUnregisteredResult> => {
      const references = await redriveUnregistered(deps);
      // References and a count only: what an operator needs to follow a stuck complaint.
      if (references.length > 0) {
        logger.warn('unregistered complaints sent to the intake queue again', {
          requeued: references.length,
          references,
        });
      } else {
        logger.info('no unregistered complaints to send again', { requeued: 0 });
      }
      return { requeued: references.length };
    });
