import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import { caseEventKinds } from '../../shared/domain/case/case-event-kinds.js';
import { registerCase } from '../../shared/domain/case/case-intake.js';
import {
  afterReceipt,
  caseIn,
  contextAt,
  receivedCase,
  registerCommand,
  resolveCommand,
  staff,
  walk,
} from './support/case-fixtures.js';
import { fakeDeadlineCalculator } from './support/fake-deadline-calculator.js';

const later = (from: Date, hours = 1): Date => new Date(from.getTime() + hours * 60 * 60 * 1000);

describe('registering a complaint', () => {
  it('names the first responder, starts the clocks and writes the ledger entry', () => {
    const now = afterReceipt(0, 1);
    const { case: registered, events } = registerCase(receivedCase(), registerCommand, contextAt(now));

    expect(registered).toMatchObject({
      status: 'registered',
      firstResponder: 'teller-li',
      handler: 'teller-li',
      assignedUnit: 'BJ-0101-counter',
      registeredAt: now.toISOString(),
      version: 2,
      lastEventSeq: 2,
    });
    expect(registered.deadlines).toEqual({
      acknowledgeBy: '2025-03-04T01:30:00.000Z',
      decideBy: '2025-03-18T01:30:00.000Z',
      remindAt: '2025-03-15T01:30:00.000Z',
    });
    expect(events).toEqual([
      expect.objectContaining({
        reference: 'RD-2025-000123',
        seq: 2,
        at: now.toISOString(),
        kind: caseEventKinds.registered,
        actor: staff('teller-li'),
      }),
    ]);
    expect(events[0]?.data).toMatchObject({
      firstResponder: 'teller-li',
      decideBy: '2025-03-18T01:30:00.000Z',
    });
  });

  it('gives a green-channel complaint the faster clock', () => {
    const { case: registered } = walk([{ ...registerCommand, priority: 'green_channel' }]);
    expect(registered.priority).toBe('green_channel');
    expect(registered.deadlines?.decideBy).toBe('2025-03-13T01:30:00.000Z');
  });

  it('refuses deadlines from a calculator built for another policy', () => {
    const ctx = contextAt(
      afterReceipt(0, 1),
      staff('teller-li'),
      fakeDeadlineCalculator({ policyId: 'uk-fca' }),
    );
    expect(() => registerCase(receivedCase(), registerCommand, ctx)).toThrow(
      expect.objectContaining({ name: 'CaseRuleError', code: 'calculator_mismatch' }),
    );
  });
});

describe('working a case', () => {
  it('acknowledges once and starts work', () => {
    const { case: acknowledged, now } = walk([registerCommand, { type: 'acknowledge' }]);
    expect(acknowledged.acknowledgedAt).toBe(now.toISOString());

    expect(() => applyCommand(acknowledged, { type: 'acknowledge' }, contextAt(later(now)))).toThrow(
      expect.objectContaining({ code: 'already_acknowledged' }),
    );

    const started = applyCommand(acknowledged, { type: 'start_work' }, contextAt(later(now)));
    expect(started.case.status).toBe('in_progress');
    expect(started.events.map((e) => e.kind)).toEqual([caseEventKinds.workStarted]);
  });

  it('reassigns the handler and records who had it before', () => {
    const { case: c, now } = caseIn('in_progress');
    const result = applyCommand(c, { type: 'assign', to: 'officer-zhao' }, contextAt(later(now)));
    expect(result.case.handler).toBe('officer-zhao');
    expect(result.events[0]).toMatchObject({
      kind: caseEventKinds.assigned,
      data: { from: 'teller-li', to: 'officer-zhao' },
    });
  });

  it('transfers to another unit with a note; the new unit assigns its own handler', () => {
    const { case: c, now } = caseIn('in_progress');
    const result = applyCommand(
      c,
      { type: 'transfer', toUnit: 'card-centre', note: 'Fee posting is handled by the card centre' },
      contextAt(later(now)),
    );
    expect(result.case.assignedUnit).toBe('card-centre');
    expect(result.case.handler).toBeUndefined();
    expect('handler' in result.case).toBe(false);
    expect(result.case.branchCode).toBe('BJ-0101');
    expect(result.events[0]).toMatchObject({
      kind: caseEventKinds.transferred,
      data: {
        fromUnit: 'BJ-0101-counter',
        toUnit: 'card-centre',
        note: 'Fee posting is handled by the card centre',
      },
    });
  });

  it('transfers to another branch and a named handler', () => {
    const { case: c, now } = caseIn('registered');
    const result = applyCommand(
      c,
      { type: 'transfer', toBranch: 'BJ-0205', toHandler: 'manager-sun', note: 'Account held there' },
      contextAt(later(now)),
    );
    expect(result.case).toMatchObject({ branchCode: 'BJ-0205', handler: 'manager-sun' });
    expect(result.case.assignedUnit).toBeUndefined();
  });

  it('refuses a transfer that names no destination or has no note', () => {
    const { case: c, now } = caseIn('in_progress');
    expect(() => applyCommand(c, { type: 'transfer', note: 'somewhere' }, contextAt(later(now)))).toThrow(
      expect.objectContaining({ code: 'transfer_needs_destination' }),
    );
    expect(() =>
      applyCommand(c, { type: 'transfer', toUnit: 'card-centre', note: '  ' }, contextAt(later(now))),
    ).toThrow(expect.objectContaining({ code: 'text_required' }));
  });

  it('records notes and information requests without changing the status', () => {
    const { case: c, now } = caseIn('in_progress');
    const noted = applyCommand(c, { type: 'note', text: 'Called the customer back' }, contextAt(later(now)));
    const asked = applyCommand(
      noted.case,
      { type: 'request_info', text: 'Please send the statement' },
      contextAt(later(now, 2)),
    );

    expect(asked.case.status).toBe('in_progress');
    expect([...noted.events, ...asked.events].map((e) => [e.kind, e.data?.text])).toEqual([
      [caseEventKinds.noteAdded, 'Called the customer back'],
      [caseEventKinds.infoRequested, 'Please send the statement'],
    ]);
    expect(() => applyCommand(c, { type: 'note', text: '' }, contextAt(later(now)))).toThrow(
      expect.objectContaining({ code: 'text_required' }),
    );
  });

  it('records that supervisors were urged at the reminder point', () => {
    const { case: c } = caseIn('in_progress');
    const now = afterReceipt(12, 2);
    const result = applyCommand(
      c,
      { type: 'record_reminder' },
      contextAt(now, { id: 'system:sla', kind: 'system' }),
    );
    expect(result.case.remindedAt).toBe(now.toISOString());
    expect(result.events[0]?.kind).toBe(caseEventKinds.reminderSent);
  });
});

describe('the paused clock', () => {
  it('stops the decision clock during external testing and moves the deadline by the paused time', () => {
    const { case: c } = caseIn('in_progress');
    const paused = applyCommand(
      c,
      { type: 'pause', reason: 'Card sent to the lab' },
      contextAt(afterReceipt(2)),
    );
    expect(paused.case.status).toBe('paused');
    expect(paused.case.pauses).toEqual([
      { startedAt: afterReceipt(2).toISOString(), reason: 'Card sent to the lab' },
    ]);
    expect(paused.events[0]?.kind).toBe(caseEventKinds.clockPaused);

    const resumed = applyCommand(paused.case, { type: 'resume' }, contextAt(afterReceipt(5)));
    expect(resumed.case.status).toBe('in_progress');
    expect(resumed.case.pauses[0]?.endedAt).toBe(afterReceipt(5).toISOString());
    expect(resumed.case.deadlines?.decideBy).toBe(afterReceipt(18).toISOString());
    expect(resumed.events[0]).toMatchObject({
      kind: caseEventKinds.clockResumed,
      data: { decideBy: afterReceipt(18).toISOString() },
    });
  });
});

describe('answering and finishing', () => {
  it('resolves with the decision and opens the review window from the decision time', () => {
    const calculator = fakeDeadlineCalculator();
    const { case: c } = walk([registerCommand, { type: 'start_work' }], undefined, undefined, calculator);
    const decidedAt = afterReceipt(9);
    const result = applyCommand(c, resolveCommand, contextAt(decidedAt, staff('officer-zhao'), calculator));

    expect(result.case).toMatchObject({
      status: 'resolved',
      resolvedAt: decidedAt.toISOString(),
      decision: {
        decision: 'upheld',
        atFault: 'yes',
        remedy: 'Second fee refunded',
        compensation: { amount: '120.00', currency: 'CNY' },
        decidedAt: decidedAt.toISOString(),
        decidedBy: 'officer-zhao',
      },
    });
    expect(calculator.calls.at(-1)?.decidedAt).toBe(decidedAt.toISOString());
    expect(result.case.deadlines?.reviewRequestBy).toBe(afterReceipt(39).toISOString());
    expect(result.events[0]).toMatchObject({
      kind: caseEventKinds.resolved,
      data: { onTime: true, atFault: 'yes' },
    });
  });

  it('marks a late answer as not on time', () => {
    const { case: c } = caseIn('in_progress');
    const result = applyCommand(c, resolveCommand, contextAt(afterReceipt(16)));
    expect(result.events[0]?.data?.onTime).toBe(false);
  });

  it('closes an answered case', () => {
    const { case: c } = caseIn('resolved');
    const result = applyCommand(
      c,
      { type: 'close', note: 'Customer satisfied at revisit' },
      contextAt(afterReceipt(20)),
    );
    expect(result.case).toMatchObject({ status: 'closed', closedAt: afterReceipt(20).toISOString() });
    expect(result.events[0]).toMatchObject({
      kind: caseEventKinds.closed,
      data: { note: 'Customer satisfied at revisit' },
    });
  });

  it('lets the customer withdraw', () => {
    const { case: c, now } = caseIn('paused');
    const result = applyCommand(
      c,
      { type: 'withdraw', reason: 'Sorted out with the branch' },
      contextAt(later(now)),
    );
    expect(result.case.status).toBe('withdrawn');
    // The lab-test pause ends with the case, so no clock is left stopped for ever.
    expect(result.case.pauses.every((pause) => pause.endedAt === later(now).toISOString())).toBe(true);
    expect(result.events[0]?.kind).toBe(caseEventKinds.withdrawn);
  });

  it('merges a resubmitted complaint into the earlier case, but never into itself', () => {
    const { case: c, now } = caseIn('registered');
    const result = applyCommand(c, { type: 'merge', into: 'RD-2025-000100' }, contextAt(later(now)));
    expect(result.case).toMatchObject({ status: 'merged', mergedInto: 'RD-2025-000100' });
    expect(result.events[0]).toMatchObject({ kind: caseEventKinds.merged, data: { into: 'RD-2025-000100' } });

    expect(() => applyCommand(c, { type: 'merge', into: c.reference }, contextAt(later(now)))).toThrow(
      expect.objectContaining({ name: 'CaseRuleError', code: 'merge_into_itself' }),
    );
  });
});
