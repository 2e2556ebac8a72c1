import { type CaseStore, type CaseWriteExtras, StaleCaseVersionError } from './case-store.js';
import type { CaseEvent, ComplaintCase } from './case-types.js';

/**
 * What `decide` makes of the case it read: a change to store with its events (and the effects it
 * owes, and the outbox record it completes), or nothing to write.
 */
export type CaseDecision<T> =
  | { write: { case: ComplaintCase; events: readonly CaseEvent[] } & CaseWriteExtras; value: T }
  | { value: T };

const defaultAttempts = 5;

/**
 * Optimistic update of one case: read it, let `decide` work out the change from what it read,
 * store that conditionally on the version read. When another writer got there first the write is
 * refused, and the decision is taken again from a fresh read (at most `maxAttempts` reads), so no
 * change is ever made on stale facts and none is lost. Whatever `decide` throws ends the update
 * as it is. Undefined when there is no such case.
 */
export const updateCase = async <T extends NonNullable<unknown> | null>(
  store: Pick<CaseStore, 'get' | 'save'>,
  reference: string,
  decide: (current: ComplaintCase) => CaseDecision<T> | Promise<CaseDecision<T>>,
  maxAttempts = defaultAttempts,
): Promise<T | undefined> => {
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
      if (error instanceof StaleCaseVersionError && attempt < maxAttempts) continue;
      throw error;
    }
  }
};
