import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import { isOpen, nextDueAt } from '../../shared/domain/case/case-due.js';
import type { CaseStatus } from '../../shared/domain/case/case-types.js';
import {
  afterReceipt,
  caseIn,
  contextAt,
  registerCommand,
  slaWorkflow,
  walk,
} from './support/case-fixtures.js';

describe('next due time for the SLA workflow and the overdue index', () => {
  it('is the acknowledgement deadline until the customer has been told', () => {
    const { case: c } = caseIn('registered');
    expect(nextDueAt(c)).toBe(afterReceipt(1).toISOString());
  });

  it('moves to the reminder point, then to the decision deadline once supervisors were urged', () => {
    const { case: acknowledged } = walk([registerCommand, { type: 'acknowledge' }, { type: 'start_work' }]);
    expect(nextDueAt(acknowledged)).toBe(afterReceipt(12).toISOString());

    const reminded = applyCommand(
      acknowledged,
      { type: 'record_reminder' },
      contextAt(afterReceipt(12), slaWorkflow),
    );
    expect(nextDueAt(reminded.case)).toBe(afterReceipt(15).toISOString());
  });

  it('makes a new reminder due when an extension moves the reminder point', () => {
    const { case: reminded } = walk([registerCommand, { type: 'acknowledge' }, { type: 'start_work' }]);
    const afterReminder = applyCommand(
      reminded,
      { type: 'record_reminder' },
      contextAt(afterReceipt(12), slaWorkflow),
    );
    const extended = applyCommand(
      afterReminder.case,
      { type: 'extend', reason: 'Complex' },
      contextAt(afterReceipt(13)),
    );
    expect(nextDueAt(extended.case)).toBe(afterReceipt(24).toISOString());
  });

  it('keeps an overdue decision deadline due, so the overdue audit finds it', () => {
    const { case: c } = walk([registerCommand, { type: 'acknowledge' }, { type: 'start_work' }]);
    const reminded = applyCommand(c, { type: 'record_reminder' }, contextAt(afterReceipt(12), slaWorkflow));
    const escalated = applyCommand(
      reminded.case,
      { type: 'record_escalation' },
      contextAt(afterReceipt(16), slaWorkflow),
    );
    expect(nextDueAt(escalated.case)).toBe(afterReceipt(15).toISOString());
  });

  it('does not count a reminder sent before the reminder point', () => {
    const { case: c } = walk([
      registerCommand,
      { type: 'acknowledge' },
      { type: 'start_work' },
      { type: 'record_reminder' },
    ]);
    expect(nextDueAt(c)).toBe(afterReceipt(12).toISOString());
  });

  it('has nothing due while the clock is paused', () => {
    expect(nextDueAt(caseIn('paused').case)).toBeUndefined();
  });

  it('owes the review decision while under review, and nothing once answered', () => {
    // The review's own clock: 30 days (in the fake policy) from the request.
    const underReview = caseIn('under_review').case;
    const requestedAt = Date.parse(underReview.review?.requestedAt ?? '');
    expect(nextDueAt(underReview)).toBe(new Date(requestedAt + 30 * 24 * 3600 * 1000).toISOString());
    expect(nextDueAt(caseIn('resolved').case)).toBeUndefined();
  });

  it.each<CaseStatus>(['closed', 'withdrawn', 'merged', 'received'])(
    'has nothing due for a %s case',
    (status) => {
      expect(nextDueAt(caseIn(status).case)).toBeUndefined();
    },
  );
});

describe('open cases', () => {
  it.each<[CaseStatus, boolean]>([
    ['received', true],
    ['registered', true],
    ['in_progress', true],
    ['paused', true],
    ['under_review', true],
    ['resolved', false],
    ['closed', false],
    ['withdrawn', false],
    ['merged', false],
  ])('a %s case is open: %s', (status, open) => {
    expect(isOpen(caseIn(status).case)).toBe(open);
  });
});
