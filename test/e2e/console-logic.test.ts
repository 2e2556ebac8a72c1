import { describe, expect, it } from 'vitest';
import { allCaseEventKinds } from '../../shared/domain/case/case-event-kinds.js';
import { staffActionTypes } from '../../shared/domain/staff/staff-scope.js';
import { actionBody, actionSpecs } from '../../web/src/console/action-forms.js';
import { beijingInputValue, isoFromBeijingInput } from '../../web/src/console/beijing-input.js';
import { consoleDictionary, consoleKeys, labelOr } from '../../web/src/console/console-dictionary.js';
import { countdownParts, nextDeadline, urgencyOf } from '../../web/src/console/deadline.js';

const NOW = Date.parse('2026-11-23T02:00:00Z');
const HOUR = 3600 * 1000;
const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

describe('console deadlines', () => {
  it('marks a case past its decision deadline overdue and one within a day due soon', () => {
    expect(urgencyOf({ status: 'in_progress', deadlines: { decideBy: at(-1000) } }, NOW)).toBe('overdue');
    expect(urgencyOf({ status: 'in_progress', deadlines: { decideBy: at(23 * HOUR) } }, NOW)).toBe(
      'due_soon',
    );
    expect(urgencyOf({ status: 'in_progress', deadlines: { decideBy: at(72 * HOUR) } }, NOW)).toBe('normal');
    expect(
      urgencyOf({ status: 'in_progress', deadlines: { decideBy: at(72 * HOUR), remindAt: at(-HOUR) } }, NOW),
    ).toBe('due_soon');
    // An answered case has no clock running.
    expect(urgencyOf({ status: 'resolved', deadlines: { decideBy: at(-HOUR) } }, NOW)).toBe('normal');
  });

  it('puts an unanswered acknowledgement before the decision, when the caller knows about it', () => {
    const facts = { status: 'registered', deadlines: { acknowledgeBy: at(HOUR), decideBy: at(48 * HOUR) } };
    expect(nextDeadline(facts, { includeAcknowledgement: true })).toEqual({
      at: at(HOUR),
      label: 'deadline.acknowledge',
    });
    expect(nextDeadline(facts, { includeAcknowledgement: false })?.label).toBe('deadline.decide');
    expect(
      nextDeadline({ ...facts, acknowledgedAt: at(-HOUR) }, { includeAcknowledgement: true })?.label,
    ).toBe('deadline.decide');
    expect(
      nextDeadline({ status: 'closed', deadlines: facts.deadlines }, { includeAcknowledgement: true }),
    ).toBe(undefined);
  });

  it('counts down in days, hours, minutes and seconds, and counts up once overdue', () => {
    expect(countdownParts(at(26 * HOUR + 61_000), NOW)).toEqual({ overdue: false, days: 1, hms: '02:01:01' });
    expect(countdownParts(at(-5_000), NOW)).toEqual({ overdue: true, days: 0, hms: '00:00:05' });
    expect(countdownParts('not a date', NOW)).toBeUndefined();
  });
});

describe('console receipt time', () => {
  it('reads and writes the datetime input in Beijing time whatever the computer says', () => {
    expect(beijingInputValue(new Date('2026-11-23T18:30:00Z'))).toBe('2026-11-24T02:30');
    expect(isoFromBeijingInput('2026-11-24T02:30')).toBe('2026-11-23T18:30:00.000Z');
    expect(isoFromBeijingInput('2026-11-24T02:30:15')).toBe('2026-11-23T18:30:15.000Z');
    expect(isoFromBeijingInput('2026-02-30T10:00')).toBeUndefined();
    expect(isoFromBeijingInput('yesterday')).toBeUndefined();
  });
});

describe('console action bodies', () => {
  it('leaves out empty optional fields and sends the version it read', () => {
    expect(actionBody('reopen', { reason: ' unhappy ', leader: '' }, 4)).toEqual({
      type: 'reopen',
      expectedVersion: 4,
      reason: 'unhappy',
    });
  });

  it('asks only for the reason of an extension: who asked and who approves are not the form’s to say', () => {
    const extend = actionSpecs.find((spec) => spec.type === 'extend');
    expect(extend?.fields.map((spec) => spec.name)).toEqual(['reason']);
    expect(actionBody('extend', { reason: ' complex ' }, 4)).toEqual({
      type: 'extend',
      expectedVersion: 4,
      reason: 'complex',
    });
  });

  it('sends the escalation level as a number and an amount as compensation in yuan by default', () => {
    expect(actionBody('escalate', { level: '2', reason: 'major' }, undefined)).toEqual({
      type: 'escalate',
      level: 2,
      reason: 'major',
    });
    expect(
      actionBody('resolve', { decision: 'upheld', atFault: 'yes', amount: '200', currency: '' }, 1),
    ).toEqual({
      type: 'resolve',
      expectedVersion: 1,
      decision: 'upheld',
      atFault: 'yes',
      compensation: { amount: '200', currency: 'CNY' },
    });
  });

  it('offers a form for every action of the staff contract', () => {
    // Starting work is the case page's own button; every other action has its form.
    expect([...actionSpecs.map((spec) => spec.type)].sort()).toEqual(
      staffActionTypes.filter((type) => type !== 'start_work').sort(),
    );
  });
});

describe('console dictionary', () => {
  it('has every message in both languages, and names every event kind the ledger writes', () => {
    for (const key of consoleKeys) {
      expect(consoleDictionary[key]['zh-CN'], key).not.toBe('');
      expect(consoleDictionary[key].en, key).not.toBe('');
    }
    for (const kind of allCaseEventKinds) expect(labelOr('en', 'event', kind), kind).not.toBe(kind);
    // A kind this page does not know yet is shown as it came.
    expect(labelOr('zh-CN', 'event', 'case.something_new')).toBe('case.something_new');
  });
});
