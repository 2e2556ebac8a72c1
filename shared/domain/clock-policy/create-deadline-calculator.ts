import type { Calendar } from '../calendar/calendar-types.js';
import { parseInstant, toIsoUtc } from '../calendar/local-time.js';
import { addWorkingMillis, moveDeadlineMillis, workingMillisBetween } from '../calendar/working-time.js';
import type { Deadlines } from '../case/case-types.js';
import type { ClockPolicy, Period } from './clock-policy-types.js';
import type { DeadlineCalculator, DeadlineInput } from './deadline-calculator.js';
import { approvalRequiredFromStep, extensionStepsInForce } from './extensions.js';
import { pauseIntervals } from './pauses.js';
import { periodEndMillis } from './period.js';

interface ClockEnd {
  atMillis: number;
  /** Business-day clocks move by working time; calendar-day and hour clocks by elapsed time. */
  countsWorkingTime: boolean;
}

const earlier = (a: ClockEnd, b: ClockEnd): ClockEnd => (b.atMillis < a.atMillis ? b : a);

/**
 * Builds the deadline calculator for one policy and one calendar. Rules applied:
 * - green channel: its shorter targets apply (never later than the normal ones); its decision
 *   target gives way to the statutory period once an extension is in force;
 * - extensions: the period of the highest step in force (see `extensionStepsInForce`);
 * - pauses (only if the policy stops the clock for them): each pause that begins before the
 *   running deadline moves it by the pause's working time (business-day clocks) or its exact
 *   duration (other clocks); a pause that begins after the deadline has passed rescues nothing;
 * - remindAt: receipt plus `reminderShare` of the final decision period, measured the same way;
 * - review (once decided): request window from the decision; decision window from the request,
 *   or from the last day a request could come while none has been made.
 */
export const createDeadlineCalculator = (policy: ClockPolicy, calendar: Calendar): DeadlineCalculator => {
  const clockEnd = (fromMillis: number, period: Period): ClockEnd => ({
    atMillis: periodEndMillis(calendar, fromMillis, period),
    countsWorkingTime: period.unit === 'business_days',
  });

  const decisionClock = (input: DeadlineInput, receivedMillis: number): ClockEnd => {
    const stepsInForce = extensionStepsInForce(policy, input.extensions);
    const extension = stepsInForce > 0 ? policy.extensions[stepsInForce - 1] : undefined;
    const normal = clockEnd(receivedMillis, extension?.decideWithin ?? policy.decideWithin);
    const green = policy.greenChannel.decideWithin;
    if (input.priority === 'green_channel' && !extension && green) {
      return earlier(normal, clockEnd(receivedMillis, green));
    }
    return normal;
  };

  const withPauses = (clock: ClockEnd, input: DeadlineInput, receivedMillis: number): ClockEnd => {
    if (!policy.pausesStopClock) return clock;
    const nowMillis = input.now === undefined ? undefined : parseInstant(input.now);
    let atMillis = clock.atMillis;
    for (const pause of pauseIntervals(input.pauses, receivedMillis, nowMillis)) {
      if (pause.startMillis > atMillis) break;
      atMillis = clock.countsWorkingTime
        ? moveDeadlineMillis(
            calendar,
            atMillis,
            workingMillisBetween(calendar, pause.startMillis, pause.endMillis),
          )
        : atMillis + (pause.endMillis - pause.startMillis);
    }
    return { ...clock, atMillis };
  };

  const reminder = (clock: ClockEnd, receivedMillis: number): number => {
    if (clock.countsWorkingTime) {
      // The reminder is the last millisecond of its share of working time, so it too falls on a working day.
      const period = workingMillisBetween(calendar, receivedMillis, clock.atMillis + 1);
      const share = Math.floor(period * policy.reminderShare);
      return share === 0 ? receivedMillis : addWorkingMillis(calendar, receivedMillis, share) - 1;
    }
    return receivedMillis + Math.floor((clock.atMillis - receivedMillis) * policy.reminderShare);
  };

  const acknowledgeBy = (input: DeadlineInput, receivedMillis: number): number | undefined => {
    const normal = policy.acknowledgeWithin && clockEnd(receivedMillis, policy.acknowledgeWithin);
    const greenPeriod =
      input.priority === 'green_channel' ? policy.greenChannel.acknowledgeWithin : undefined;
    const green = greenPeriod && clockEnd(receivedMillis, greenPeriod);
    if (normal && green) return earlier(normal, green).atMillis;
    return (normal ?? green)?.atMillis;
  };

  const deadlines = (input: DeadlineInput): Deadlines => {
    const receivedMillis = parseInstant(input.receivedAt);
    const decision = withPauses(decisionClock(input, receivedMillis), input, receivedMillis);
    const result: Deadlines = {
      decideBy: toIsoUtc(decision.atMillis),
      remindAt: toIsoUtc(reminder(decision, receivedMillis)),
    };
    const acknowledge = acknowledgeBy(input, receivedMillis);
    if (acknowledge !== undefined) result.acknowledgeBy = toIsoUtc(acknowledge);
    if (policy.review && input.decidedAt) {
      const requestBy = periodEndMillis(calendar, parseInstant(input.decidedAt), policy.review.requestWithin);
      // Until the customer asks, the review decision date is the latest it could be: a request on the last day.
      const requestedMillis = input.reviewRequestedAt ? parseInstant(input.reviewRequestedAt) : requestBy;
      result.reviewRequestBy = toIsoUtc(requestBy);
      result.reviewDecideBy = toIsoUtc(
        periodEndMillis(calendar, requestedMillis, policy.review.decideWithin),
      );
    }
    return result;
  };

  const approvalStep = approvalRequiredFromStep(policy);
  return {
    policyId: policy.id,
    calendarId: calendar.id,
    maxExtensions: policy.extensions.length,
    ...(approvalStep === undefined ? {} : { approvalRequiredFromStep: approvalStep }),
    deadlines,
    summaryResolutionBy: (receivedAt) =>
      policy.summaryResolutionWithin &&
      toIsoUtc(periodEndMillis(calendar, parseInstant(receivedAt), policy.summaryResolutionWithin)),
  };
};
