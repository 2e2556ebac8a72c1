import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import { extendClock } from '../../shared/domain/case/case-clock.js';
import type { CaseCommand } from '../../shared/domain/case/case-commands.js';
import { allCaseEventKinds, caseEventKinds } from '../../shared/domain/case/case-event-kinds.js';
import {
  afterReceipt,
  contextAt,
  deepFreeze,
  receivedCase,
  registerCommand,
  resolveCommand,
  staff,
  walk,
} from './support/case-fixtures.js';

const fullJourney: CaseCommand[] = [
  registerCommand,
  { type: 'acknowledge' },
  { type: 'start_work' },
  { type: 'note', text: 'Asked the card centre for the posting log' },
  { type: 'pause', reason: 'Posting log requested from the processor' },
  { type: 'resume' },
  { type: 'extend', reason: 'Processor investigation' },
  { type: 'record_escalation', reason: 'Reminder point passed' },
  resolveCommand,
  { type: 'request_review', reason: 'Compensation too low' },
  { type: 'decide_review', outcome: 'confirmed', note: 'Compensation in line with the fee' },
  { type: 'close' },
];

describe('the ledger (登记台账)', () => {
  it('bumps the version by one and appends gap-free events for every step', () => {
    const start = receivedCase({ version: 4, lastEventSeq: 7 });
    const { case: c, events } = walk(fullJourney, start);

    expect(c.version).toBe(4 + fullJourney.length);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => 8 + i));
    expect(c.lastEventSeq).toBe(7 + events.length);
    expect(events.every((e) => e.reference === start.reference)).toBe(true);
    expect(events.map((e) => e.kind)).toEqual([
      caseEventKinds.registered,
      caseEventKinds.acknowledged,
      caseEventKinds.workStarted,
      caseEventKinds.noteAdded,
      caseEventKinds.clockPaused,
      caseEventKinds.clockResumed,
      caseEventKinds.clockExtended,
      caseEventKinds.escalated,
      caseEventKinds.resolved,
      caseEventKinds.reviewRequested,
      caseEventKinds.reviewDecided,
      caseEventKinds.closed,
    ]);
  });

  it('stamps each event with who did it and when', () => {
    const { case: c } = walk([registerCommand, { type: 'start_work' }]);
    const now = afterReceipt(3, 4);
    const { events } = applyCommand(
      c,
      { type: 'note', text: 'Customer visited' },
      contextAt(now, staff('teller-ma')),
    );
    expect(events).toEqual([
      {
        reference: c.reference,
        seq: c.lastEventSeq + 1,
        at: '2025-03-06T05:30:00.000Z',
        kind: caseEventKinds.noteAdded,
        actor: { id: 'teller-ma', kind: 'staff' },
        data: { text: 'Customer visited' },
      },
    ]);
  });

  it('never changes the case it was given', () => {
    let current = deepFreeze(receivedCase());
    let now = afterReceipt(0);
    for (const command of fullJourney) {
      now = new Date(now.getTime() + 3_600_000);
      const before = structuredClone(current);
      const result = applyCommand(current, command, contextAt(now));
      expect(current).toEqual(before);
      current = deepFreeze(result.case);
    }
    expect(current.status).toBe('closed');
  });

  it('leaves no trace when a command is refused', () => {
    const { case: c, now } = walk([
      registerCommand,
      { type: 'start_work' },
      { type: 'extend', reason: 'Complex' },
    ]);
    const frozen = deepFreeze(c);
    expect(() => extendClock(frozen, { type: 'extend', reason: 'Very complex' }, contextAt(now))).toThrow();
    expect(frozen.extensions).toHaveLength(1);
    expect(frozen.version).toBe(4);
  });

  it('stores no undefined fields in events, so storage can write them as they are', () => {
    const { events } = walk([{ ...registerCommand, handler: undefined }, { type: 'withdraw' }]);
    for (const event of events) {
      for (const value of Object.values(event.data ?? {})) expect(value).not.toBeUndefined();
    }
  });

  it('publishes every event kind as a dotted name', () => {
    expect(allCaseEventKinds).toContain('case.transferred');
    expect(allCaseEventKinds).toContain('clock.extended');
    expect(new Set(allCaseEventKinds).size).toBe(allCaseEventKinds.length);
    for (const kind of allCaseEventKinds) expect(kind).toMatch(/^(case|clock)\.[a-z_]+$/);
  });
});
