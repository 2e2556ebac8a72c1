import type { IntakeQueue } from '../../shared/adapters/sqs/intake-queue.js';
import type { CaseStore } from '../../shared/domain/case/case-store.js';
import type { Clock } from '../../shared/domain/time/clock.js';

/**
 * Sends received-but-unregistered complaints to the intake queue again. The received record
 * carries a due time a few minutes after receipt in the sparse due index, so this reads only
 * what is stuck. Safe to repeat: the worker ignores what is already registered.
 */
export const redriveUnregistered = async (deps: {
  store: CaseStore;
  queue: IntakeQueue;
  clock: Clock;
}): Promise<string[]> => {
  // Everything due, not a first page: stuck complaints must not hide behind overdue cases.
  const due = await deps.store.findDue(deps.clock.now().toISOString());
  const stuck = due.filter((entry) => entry.case.status === 'received').map((entry) => entry.case.reference);
  for (const reference of stuck) await deps.queue.send({ reference });
  return stuck;
};
