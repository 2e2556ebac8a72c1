import { describe, expect, it } from 'vitest';
import type { ClockExtension } from '../../shared/domain/case/case-types.js';
import { deadlineCalculatorFor } from '../../shared/domain/clock-policy/calculator-for.js';
import type { DeadlineInput } from '../../shared/domain/clock-policy/deadline-calculator.js';

const input = (receivedAt: string, changes: Partial<DeadlineInput> = {}): DeadlineInput => ({
  receivedAt,
  priority: 'normal',
  pauses: [],
  extensions: [],
  ...changes,
});

const extension = (step: number, approvedBy?: string): ClockExtension => ({
  step,
  reason: step === 1 ? 'complex' : 'especially complex',
  at: '2026-10-09T02:00:00Z',
  by: 'staff-42',
  ...(approvedBy ? { approvedBy } : {}),
});

describe('cn-2020 (Beijing time, cn-mainland)', () => {
  const cn = deadlineCalculatorFor('cn-2020');
  // Received Wednesday 30 September 2026, 10:00 Beijing time, the day before Golden Week.
  const receivedAt = '2026-09-30T02:00:00Z';

  it('decides within 15 calendar days: end of 15 October Beijing time', () => {
    expect(cn.deadlines(input(receivedAt)).decideBy).toBe('2026-10-15T15:59:59.999Z');
  });

  it('acknowledges within 1 working day, which after Golden Week is Thursday 8 October', () => {
    expect(cn.deadlines(input(receivedAt)).acknowledgeBy).toBe('2026-10-08T15:59:59.999Z');
  });

  it('reminds at 80% of the period: 12 October, 21:11:59.999 Beijing time', () => {
    expect(cn.deadlines(input(receivedAt)).remindAt).toBe('2026-10-12T13:11:59.999Z');
  });

  it('extends to 30 days for a complex case and to 60 only with an approver', () => {
    expect(cn.deadlines(input(receivedAt, { extensions: [extension(1)] })).decideBy).toBe(
      '2026-10-30T15:59:59.999Z',
    );
    const approved = input(receivedAt, { extensions: [extension(1), extension(2, 'deputy-president')] });
    expect(cn.deadlines(approved).decideBy).toBe('2026-11-29T15:59:59.999Z');
    const unapproved = input(receivedAt, { extensions: [extension(1), extension(2)] });
    expect(cn.deadlines(unapproved).decideBy).toBe('2026-10-30T15:59:59.999Z');
    expect(cn.maxExtensions).toBe(2);
    expect(cn.approvalRequiredFromStep).toBe(2);
  });

  it('adds the exact length of an external appraisal to the decision date', () => {
    const pause = { startedAt: '2026-10-09T01:00:00Z', endedAt: '2026-10-12T05:30:00Z', reason: 'appraisal' };
    // 3 days 4 h 30 min later than 2026-10-15T15:59:59.999Z.
    expect(cn.deadlines(input(receivedAt, { pauses: [pause] })).decideBy).toBe('2026-10-18T20:29:59.999Z');
  });

  it('opens the review windows once decided: request within 30 days, decide within 30 of the request', () => {
    const decided = input(receivedAt, { decidedAt: '2026-10-12T06:00:00Z' });
    expect(cn.deadlines(decided).reviewRequestBy).toBe('2026-11-11T15:59:59.999Z');
    // No request yet: the latest the review could have to be decided by.
    expect(cn.deadlines(decided).reviewDecideBy).toBe('2026-12-11T15:59:59.999Z');
    const requested = { ...decided, reviewRequestedAt: '2026-10-20T03:00:00Z' };
    expect(cn.deadlines(requested).reviewDecideBy).toBe('2026-11-19T15:59:59.999Z');
  });

  it('gives the green channel a 2-hour acknowledgement and a 7-day decision', () => {
    const green = cn.deadlines(input(receivedAt, { priority: 'green_channel' }));
    expect(green.acknowledgeBy).toBe('2026-09-30T04:00:00.000Z');
    expect(green.decideBy).toBe('2026-10-07T15:59:59.999Z');
  });

  it('lets an extension replace the green-channel target rather than be capped by it', () => {
    const extended = cn.deadlines(
      input(receivedAt, { priority: 'green_channel', extensions: [extension(1)] }),
    );
    expect(extended.decideBy).toBe('2026-10-30T15:59:59.999Z');
  });
});

describe('uk-fca-disp (London time, gb-eng-wls)', () => {
  const uk = deadlineCalculatorFor('uk-fca-disp');
  // Monday 2 March 2026, 09:00 GMT.
  const receivedAt = '2026-03-02T09:00:00Z';

  it('gives a final response 8 weeks after receipt, end of day in British Summer Time', () => {
    expect(uk.deadlines(input(receivedAt)).decideBy).toBe('2026-04-27T22:59:59.999Z');
  });

  it('acknowledges promptly: by default within 5 business days', () => {
    expect(uk.deadlines(input(receivedAt)).acknowledgeBy).toBe('2026-03-09T23:59:59.999Z');
  });

  it('allows a summary resolution if settled by the end of the 3rd business day after receipt', () => {
    expect(uk.summaryResolutionBy?.(receivedAt)).toBe('2026-03-05T23:59:59.999Z');
    // Received Thursday 2 April 2026: Good Friday and Easter Monday do not count.
    expect(uk.summaryResolutionBy?.('2026-04-02T08:00:00Z')).toBe('2026-04-09T22:59:59.999Z');
  });

  it('cannot be extended and ignores recorded pauses: the FCA clock does not stop', () => {
    expect(uk.maxExtensions).toBe(0);
    expect(uk.approvalRequiredFromStep).toBeUndefined();
    const pause = { startedAt: '2026-03-10T09:00:00Z', endedAt: '2026-03-20T09:00:00Z', reason: 'waiting' };
    expect(uk.deadlines(input(receivedAt, { pauses: [pause] })).decideBy).toBe('2026-04-27T22:59:59.999Z');
  });
});

describe('uk-fca-disp-payments over Easter 2026', () => {
  const payments = deadlineCalculatorFor('uk-fca-disp-payments');
  // Thursday 2 April 2026, 09:00 BST: Good Friday 3 April and Easter Monday 6 April are skipped.
  const receivedAt = '2026-04-02T08:00:00Z';

  it('answers within 15 business days: end of Monday 27 April, not Thursday 23', () => {
    expect(payments.deadlines(input(receivedAt)).decideBy).toBe('2026-04-27T22:59:59.999Z');
  });

  it('allows 35 business days with a holding reply, skipping the May bank holidays', () => {
    const extended = payments.deadlines(input(receivedAt, { extensions: [extension(1)] }));
    expect(extended.decideBy).toBe('2026-05-27T22:59:59.999Z');
    expect(payments.maxExtensions).toBe(1);
    expect(payments.approvalRequiredFromStep).toBeUndefined();
  });

  it('reminds after 80% of the working time, on a working day (Wednesday 22 April, 21:00 London)', () => {
    // 15 h left on 2 April + 15 working days = 375 h; 80% is 300 h: 15 h, 11 working days, then 21 h.
    expect(payments.deadlines(input(receivedAt)).remindAt).toBe('2026-04-22T19:59:59.999Z');
  });
});

describe('eu-psd2 (weekdays-utc unless the bank registers its own calendar)', () => {
  const psd2 = deadlineCalculatorFor('eu-psd2');
  // Saturday 6 June 2026, noon UTC.
  const receivedAt = '2026-06-06T12:00:00Z';

  it('acknowledges on receipt: by the end of the first working day', () => {
    expect(psd2.deadlines(input(receivedAt)).acknowledgeBy).toBe('2026-06-08T23:59:59.999Z');
  });

  it('answers within 15 business days, exceptionally 35', () => {
    expect(psd2.deadlines(input(receivedAt)).decideBy).toBe('2026-06-26T23:59:59.999Z');
    expect(psd2.deadlines(input(receivedAt, { extensions: [extension(1)] })).decideBy).toBe(
      '2026-07-24T23:59:59.999Z',
    );
  });

  it('can run on a bank calendar instead of the default', () => {
    const onLondon = deadlineCalculatorFor('eu-psd2', 'gb-eng-wls');
    expect(onLondon.calendarId).toBe('gb-eng-wls');
    expect(onLondon.deadlines(input('2026-04-02T08:00:00Z')).decideBy).toBe('2026-04-27T22:59:59.999Z');
  });
});

describe('us-cfpb', () => {
  const cfpb = deadlineCalculatorFor('us-cfpb');
  const receivedAt = '2026-11-20T15:00:00Z';

  it('responds within 15 calendar days and sets no acknowledgement clock', () => {
    const deadlines = cfpb.deadlines(input(receivedAt));
    expect(deadlines.decideBy).toBe('2026-12-05T23:59:59.999Z');
    expect(deadlines.acknowledgeBy).toBeUndefined();
  });

  it('after an "in progress" response, gives the final response within 60 days', () => {
    expect(cfpb.deadlines(input(receivedAt, { extensions: [extension(1)] })).decideBy).toBe(
      '2027-01-19T23:59:59.999Z',
    );
  });

  it('still acknowledges green-channel complaints within 2 hours', () => {
    expect(cfpb.deadlines(input(receivedAt, { priority: 'green_channel' })).acknowledgeBy).toBe(
      '2026-11-20T17:00:00.000Z',
    );
  });
});
