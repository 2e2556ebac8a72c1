import { registrationRedriveAfterMs } from '../../config/intake-queue-settings.js';
import { getCalendar } from '../calendar/calendar-registry.js';
import { nextDueAt } from '../case/case-due.js';
import type { ComplaintCase } from '../case/case-types.js';
import { defaultEscalationLadder } from '../escalation/escalation-ladder.js';
import { nextWakeAt } from '../sla/sla-due.js';

/**
 * What the sparse due index holds for a case: a received complaint falls due for a re-drive if
 * it is still unregistered after a few minutes; after that, the SLA watch's next wake (so the
 * overdue audit reads exactly what the workflow should have acted on), else the next deadline.
 */
export const caseNextDueAt = (c: ComplaintCase): string | undefined => {
  if (c.status === 'received') {
    return new Date(Date.parse(c.receivedAt) + registrationRedriveAfterMs).toISOString();
  }
  return (
    nextWakeAt(c, { ladder: defaultEscalationLadder, calendar: getCalendar(c.calendarId) }) ?? nextDueAt(c)
  );
};
