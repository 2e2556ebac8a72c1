import { getCalendar } from '../calendar/calendar-registry.js';
import { getClockPolicy } from './clock-policy-registry.js';
import { createDeadlineCalculator } from './create-deadline-calculator.js';
import type { DeadlineCalculator } from './deadline-calculator.js';

/**
 * The calculator for a case's stored `clockPolicyId` and `calendarId`, from the process-wide
 * registries; without a calendar id, the policy's default calendar. Throws the registries'
 * typed errors for unknown ids.
 */
export const deadlineCalculatorFor = (policyId: string, calendarId?: string): DeadlineCalculator => {
  const policy = getClockPolicy(policyId);
  return createDeadlineCalculator(policy, getCalendar(calendarId ?? policy.defaultCalendarId));
};
