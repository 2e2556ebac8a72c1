import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import { nextDueAt } from '../../shared/domain/case/case-due.js';
import { caseEventKinds } from '../../shared/domain/case/case-event-kinds.js';
import {
  afterReceipt,
  caseIn,
  contextAt,
  customer,
  registerCommand,
  resolveCommand,
  staff,
  walk,
} from './support/case-fixtures.js';
import { fakeDeadlineCalculator } from './support/fake-deadline-calculator.js';

// In the fixtures the case is decided three hours after receipt: the customer may ask for a
// review until day 30 + 3h, and a review must be decided by day 60 + 3h.
const reviewRequestBy = afterReceipt(30, 3);
const reviewDecideBy = afterReceipt(60, 3);
const leader = 'deputy-president-chen';

describe('review of the decision (核查)', () => {
  it('opens a review when the customer asks within the window', () => {
    const { case: resolved } = caseIn('resolved');
    expect(resolved.deadlines).toMatchObject({
      reviewRequestBy: reviewRequestBy.toISOString(),
      reviewDecideBy: reviewDecideBy.toISOString(),
    });
    const result = applyCommand(
      resolved,
      { type: 'request_review', reason: 'Refund too small' },
      contextAt(reviewRequestBy, customer),
    );
    expect(result.case.status).toBe('under_review');
    expect(result.case.review).toEqual({
      requestedAt: reviewRequestBy.toISOString(),
      requestedBy: 'customer',
      reason: 'Refund too small',
    });
    expect(result.events[0]?.kind).toBe(caseEventKinds.reviewRequested);
    expect(nextDueAt(result.case)).toBe(reviewDecideBy.toISOString());
  });

  it('gives a review asked for on day 10 of the window its own 30 days from the request', () => {
    const { case: resolved } = caseIn('resolved');
    const askedOn = afterReceipt(10, 3);
    const result = applyCommand(
      resolved,
      { type: 'request_review', reason: 'The fee was charged again' },
      contextAt(askedOn, customer),
    );
    const dueAt = new Date(askedOn.getTime() + 30 * 24 * 3600 * 1000).toISOString();
    expect(result.case.deadlines?.reviewDecideBy).toBe(dueAt);
    expect(result.events[0]?.data?.reviewDecideBy).toBe(dueAt);
    expect(nextDueAt(result.case)).toBe(dueAt);
  });

  it('refuses a review asked for after the window closed', () => {
    const { case: resolved } = caseIn('resolved');
    const tooLate = new Date(reviewRequestBy.getTime() + 1000);
    expect(() => applyCommand(resolved, { type: 'request_review' }, contextAt(tooLate, customer))).toThrow(
      expect.objectContaining({ name: 'CaseRuleError', code: 'review_window_closed' }),
    );
  });

  it('refuses a review under a policy that has none', () => {
    const calculator = fakeDeadlineCalculator({ offersReview: false });
    const { case: resolved } = walk([registerCommand, resolveCommand], undefined, undefined, calculator);
    expect(() =>
      applyCommand(resolved, { type: 'request_review' }, contextAt(afterReceipt(2), customer, calculator)),
    ).toThrow(expect.objectContaining({ code: 'review_not_offered' }));
  });

  it('confirms the decision and returns the case to resolved', () => {
    const { case: underReview } = caseIn('under_review');
    const result = applyCommand(
      underReview,
      { type: 'decide_review', outcome: 'confirmed' },
      contextAt(afterReceipt(20), staff(leader)),
    );
    expect(result.case.status).toBe('resolved');
    expect(result.case.decision).toEqual(underReview.decision);
    expect(result.case.review).toMatchObject({ outcome: 'confirmed', decidedBy: leader });
    expect(result.events[0]).toMatchObject({
      kind: caseEventKinds.reviewDecided,
      data: { outcome: 'confirmed', onTime: true },
    });
  });

  it('revises the decision and keeps the review windows it already had', () => {
    const { case: underReview } = caseIn('under_review');
    const now = afterReceipt(20);
    const result = applyCommand(
      underReview,
      {
        type: 'decide_review',
        outcome: 'revised',
        revised: {
          decision: 'upheld',
          atFault: 'yes',
          remedy: 'Both fees refunded',
          compensation: { amount: '240.00', currency: 'CNY' },
        },
      },
      contextAt(now, staff(leader)),
    );
    expect(result.case.decision).toMatchObject({
      compensation: { amount: '240.00', currency: 'CNY' },
      decidedAt: now.toISOString(),
      decidedBy: leader,
    });
    expect(result.case.deadlines).toEqual(underReview.deadlines);
  });

  it('allows only one review of a case', () => {
    const { case: reviewed } = walk(
      [{ type: 'decide_review', outcome: 'confirmed' }],
      caseIn('under_review').case,
      afterReceipt(5),
    );
    expect(() =>
      applyCommand(reviewed, { type: 'request_review' }, contextAt(afterReceipt(6), customer)),
    ).toThrow(expect.objectContaining({ code: 'review_already_used' }));
  });
});

describe('second contact (二次沟通)', () => {
  it('reopens a case under review with a leader, promising an answer by the review deadline', () => {
    const { case: underReview } = caseIn('under_review');
    const now = afterReceipt(10);
    const result = applyCommand(
      underReview,
      { type: 'reopen', reason: 'Customer disputes the fee terms', leader },
      contextAt(now),
    );

    expect(result.case.status).toBe('in_progress');
    expect(result.case.decision).toBeUndefined();
    expect(result.case.resolvedAt).toBeUndefined();
    expect(result.case.secondContact).toEqual({
      count: 1,
      openedAt: now.toISOString(),
      leader,
      reason: 'Customer disputes the fee terms',
    });
    expect(result.case.review?.outcome).toBe('reopened');
    // The review's own deadline: 30 days from the request.
    const reviewDue = underReview.deadlines?.reviewDecideBy;
    expect(reviewDue).toBe(
      new Date(Date.parse(underReview.review?.requestedAt ?? '') + 30 * 24 * 3600 * 1000).toISOString(),
    );
    expect(result.case.deadlines?.secondContactBy).toBe(reviewDue);
    expect(nextDueAt(result.case)).toBe(reviewDue);
    expect(result.events[0]).toMatchObject({
      kind: caseEventKinds.reopened,
      data: { leader, previousDecision: 'upheld', firstResponder: 'teller-li' },
    });
  });

  it('reopens an answered case with the date agreed with the customer', () => {
    const { case: resolved } = caseIn('resolved');
    const result = applyCommand(
      resolved,
      { type: 'reopen', reason: 'Not satisfied at revisit', leader, respondBy: '2025-03-10T09:00:00+08:00' },
      contextAt(afterReceipt(5)),
    );
    expect(result.case.deadlines?.secondContactBy).toBe('2025-03-10T01:00:00.000Z');
  });

  it('refuses a promised date in the past, and a reopen with no date once the review clock has run out', () => {
    const { case: resolved } = caseIn('resolved');
    expect(() =>
      applyCommand(
        resolved,
        { type: 'reopen', reason: 'Unhappy', leader, respondBy: afterReceipt(1).toISOString() },
        contextAt(afterReceipt(5)),
      ),
    ).toThrow(expect.objectContaining({ code: 'invalid_date' }));
    expect(() =>
      applyCommand(
        resolved,
        { type: 'reopen', reason: 'Unhappy', leader, respondBy: 'next Tuesday' },
        contextAt(afterReceipt(5)),
      ),
    ).toThrow(expect.objectContaining({ code: 'invalid_date' }));
    expect(() =>
      applyCommand(resolved, { type: 'reopen', reason: 'Unhappy', leader }, contextAt(afterReceipt(61))),
    ).toThrow(expect.objectContaining({ code: 'second_contact_needs_date' }));
  });

  it('needs a leader to take part', () => {
    const { case: resolved } = caseIn('resolved');
    expect(() =>
      applyCommand(resolved, { type: 'reopen', reason: 'Unhappy', leader: '' }, contextAt(afterReceipt(5))),
    ).toThrow(expect.objectContaining({ code: 'text_required' }));
  });

  it('answers again and can come back once more until the customer is satisfied', () => {
    const { case: c } = walk([
      registerCommand,
      { type: 'start_work' },
      resolveCommand,
      { type: 'reopen', reason: 'Unhappy with the amount', leader },
      { ...resolveCommand, compensation: { amount: '200.00', currency: 'CNY' } },
      { type: 'reopen', reason: 'Still unhappy', leader: 'president-guo' },
      { ...resolveCommand, compensation: { amount: '300.00', currency: 'CNY' } },
      { type: 'close', note: 'Satisfied' },
    ]);
    expect(c.status).toBe('closed');
    expect(c.secondContact).toMatchObject({ count: 2, leader: 'president-guo' });
    expect(c.decision?.compensation?.amount).toBe('300.00');
    expect(c.deadlines?.secondContactBy).toBeUndefined();
  });
});
