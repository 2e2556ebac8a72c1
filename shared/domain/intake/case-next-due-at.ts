import { registrationRedriveAfterMs } from '../../config/intake-queue-settings.js';
import { nextDueAt } from '../case/case-due.js';
import type { ComplaintCase } from '../case/case-types.js';

/**
 * What the sparse due index holds for a case: a received complaint falls due for a re-drive
 * if it is still unregistered after a few minutes; after that, the lifecycle's next deadline.
 */
export const caseNextDueAt = (c: ComplaintCase): string | undefined => {
  if (c.status === 'received') {
    return new Date(Date.parse(c.receivedAt) + registrationRedriveAfterMs).toISOString();
  }
  return nextDueAt(c);
};
