import { type CaseStore, type CaseWriteExtras, StaleCaseVersionError } from './case-store.js';
import type { CaseEvent, ComplaintCase } from './case-types.js';

/**
 * What `decide` makes of the case it read: a change to store with its events (and the effects it
 * owes, and the outbox record it completes), or nothing to write.
 */
export type CaseDecision<T> =
  | { write: { case: ComplaintCase; events: readonly CaseEvent[] } & CaseWriteExtras; value: T }
  | { value: T };

/** How long an update keeps retrying a write that lost a race, and how it spaces the tries. */
export interface UpdateRetryPolicy {
  /** Time after which a write still losing races gives up with StaleCaseVersionError. */
  budgetMs: number;
  /** First pause; each later one may be up to twice as long, capped at `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Milliseconds elapsed on a monotonic clock (injectable so tests need not wait). */
  elapsedMs: () => number;
  pause: (milliseconds: number) => Promise<void>;
  random: () => number;
}

/** Kept below the staff API's function timeout (15 s): an answer, never a cut-off invocation. */
export const defaultUpdateRetryPolicy: UpdateRetryPolicy = {
  budgetMs: 12_000,
  baseDelayMs: 5,
  maxDelayMs: 1_000,
  elapsedMs: () => performance.now(),
  pause: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
  random: Math.random,
};

/**
 * Optimistic update of one case: read it, let `decide` work out the change from what it read,
 * store that conditionally on the version read. When another writer got there first the write is
 * refused, and the decision is taken again from a fresh read, after a jittered pause that grows
 * with each loss (full jitter keeps many writers racing for one case from retrying in lockstep).
 * It gives up only when the time budget is spent, so busy cases are not refused for being busy;
 * no change is ever made on stale facts and none is lost. Whatever `decide` throws (including a
 * version the person saw that is gone) ends the update as it is. Undefined when there is no such
 * case.
 */
export const updateCase = async <T extends NonNullable<unknown> | null>(
  store: Pick<CaseStore, 'get' | 'save'>,
  reference: string,
  decide: (current: ComplaintCase) => CaseDecision<T> | Promise<CaseDecision<T>>,
  retry: UpdateRetryPolicy = defaultUpdateRetryPolicy,
): Promise<T | undefined> => {
  const startedAt = retry.elapsedMs();
  for (let attempt = 1; ; attempt += 1) {
    const current = await store.get(reference);
    if (current === undefined) return undefined;
    const decision = await decide(current);
    if (!('write' in decision)) return decision.value;
    try {
      const { case: updated, events, effects, completes } = decision.write;
      await store.save(updated, current.version, events, {
        ...(effects === undefined ? {} : { effects }),
        ...(completes === undefined ? {} : { completes }),
      });
      return decision.value;
    } catch (error) {
      if (!(error instanceof StaleCaseVersionError)) throw error;
      const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** Math.min(attempt, 16));
      const delay = Math.floor(retry.random() * ceiling);
      if (retry.elapsedMs() - startedAt + delay > retry.budgetMs) throw error;
      await retry.pause(delay);
    }
  }
};
