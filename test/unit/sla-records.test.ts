import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import type { CaseCommand } from '../../shared/domain/case/case-commands.js';
import { caseEventKinds } from '../../shared/domain/case/case-event-kinds.js';
import type { ComplaintCase } from '../../shared/domain/case/case-types.js';
import { parseStoredCase } from '../../shared/schemas/stored-case-schema.js';
import {
  afterReceipt,
  caseIn,
  contextAt,
  registerCommand,
  slaWorkflow,
  walk,
} from './support/case-fixtures.js';

// The fixtures' clock: acknowledge within 1 day, decide within 15, reminder at day 12.
const transferred = (): ComplaintCase =>
  walk([
    { ...registerCommand, handler: 'teller-li' },
    { type: 'start_work' },
    { type: 'transfer', toUnit: 'card-centre', toHandler: 'officer-zhao', note: 'Card fees' },
  ]).case;

const record = (c: ComplaintCase, command: CaseCommand, at: Date) =>
  applyCommand(c, command, contextAt(at, slaWorkflow));

describe('the ledger entry of each SLA action', () => {
  it('names the missed acknowledgement deadline, how late, who holds the case and who was told', () => {
    const c = transferred();
    const result = record(c, { type: 'record_acknowledgement_overdue' }, afterReceipt(1, 5));
    expect(result.case.acknowledgementOverdueNotifiedAt).toBe(afterReceipt(1, 5).toISOString());
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({
      kind: caseEventKinds.acknowledgementOverdue,
      actor: slaWorkflow,
      data: {
        dueAt: afterReceipt(1).toISOString(),
        deadline: afterReceipt(1).toISOString(),
        minutesLate: 300,
        handler: 'officer-zhao',
        assignedUnit: 'card-centre',
        firstResponder: 'teller-li',
        notify: ['first_responder', 'branch_head'],
      },
    });
  });

  it('tells the handler and the first responder at the reminder point, with the time left', () => {
    const result = record(transferred(), { type: 'record_reminder' }, afterReceipt(12));
    expect(result.events[0]).toMatchObject({
      kind: caseEventKinds.reminderSent,
      data: {
        dueAt: afterReceipt(12).toISOString(),
        deadline: afterReceipt(15).toISOString(),
        minutesLate: 0,
        minutesLeft: 3 * 24 * 60,
        handler: 'officer-zhao',
        firstResponder: 'teller-li',
        notify: ['handler', 'first_responder'],
      },
    });
  });

  it('records a breach with the deadline, the lateness and the level the case is at', () => {
    const result = record(transferred(), { type: 'record_breach' }, afterReceipt(16, 2));
    expect(result.case.breachedAt).toBe(afterReceipt(16, 2).toISOString());
    expect(result.events[0]).toMatchObject({
      kind: caseEventKinds.breached,
      data: {
        dueAt: afterReceipt(15).toISOString(),
        minutesLate: 26 * 60,
        escalationLevel: 0,
        handler: 'officer-zhao',
        firstResponder: 'teller-li',
        notify: ['handler', 'first_responder'],
      },
    });
  });

  it('escalates one rung, keeping when it fell due and telling that rung and the first responder', () => {
    const result = record(
      transferred(),
      {
        type: 'record_escalation',
        toLevel: 1,
        dueAt: afterReceipt(15).toISOString(),
        reason: 'Deadline passed',
      },
      afterReceipt(15, 1),
    );
    expect(result.case).toMatchObject({ escalationLevel: 1, escalatedAt: afterReceipt(15, 1).toISOString() });
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({
      kind: caseEventKinds.escalated,
      data: {
        mode: 'system',
        fromLevel: 0,
        toLevel: 1,
        role: 'branch_head',
        dueAt: afterReceipt(15).toISOString(),
        minutesLate: 60,
        assignedUnit: 'card-centre',
        notify: ['branch_head', 'first_responder'],
      },
    });
  });

  it('keeps the new fields through a storage round trip', () => {
    // The store takes only references the product could have handed out; the fixtures' is shorter.
    const stored = { ...transferred(), reference: 'RD-20250303-7K3QX9' };
    let c = record(stored, { type: 'record_acknowledgement_overdue' }, afterReceipt(2)).case;
    c = record(c, { type: 'record_breach' }, afterReceipt(16)).case;
    expect(parseStoredCase(JSON.parse(JSON.stringify(c)))).toEqual(c);
  });
});

describe('refusals that make a retried step harmless', () => {
  it('does not report the same overdue acknowledgement twice, nor one for an acknowledged case', () => {
    const once = record(transferred(), { type: 'record_acknowledgement_overdue' }, afterReceipt(2)).case;
    expect(() => record(once, { type: 'record_acknowledgement_overdue' }, afterReceipt(2, 1))).toThrow(
      expect.objectContaining({ code: 'sla_action_already_recorded' }),
    );
    const acknowledged = walk([registerCommand, { type: 'acknowledge' }]).case;
    expect(() => record(acknowledged, { type: 'record_acknowledgement_overdue' }, afterReceipt(2))).toThrow(
      expect.objectContaining({ code: 'already_acknowledged' }),
    );
  });

  it('urges supervisors once per reminder point, and again when an extension moves it', () => {
    const reminded = record(transferred(), { type: 'record_reminder' }, afterReceipt(12)).case;
    expect(() => record(reminded, { type: 'record_reminder' }, afterReceipt(12, 1))).toThrow(
      expect.objectContaining({ code: 'sla_action_already_recorded' }),
    );
    const extended = applyCommand(
      reminded,
      { type: 'extend', reason: 'Complex' },
      contextAt(afterReceipt(13)),
    ).case;
    expect(record(extended, { type: 'record_reminder' }, afterReceipt(24)).case.remindedAt).toBe(
      afterReceipt(24).toISOString(),
    );
  });

  it('records one breach per deadline', () => {
    const breached = record(transferred(), { type: 'record_breach' }, afterReceipt(16)).case;
    expect(() => record(breached, { type: 'record_breach' }, afterReceipt(17))).toThrow(
      expect.objectContaining({ code: 'sla_action_already_recorded' }),
    );
  });

  it('does not climb a second rung for the same escalation, nor skip a rung', () => {
    const first = record(transferred(), { type: 'record_escalation', toLevel: 1 }, afterReceipt(16)).case;
    const retried = () => record(first, { type: 'record_escalation', toLevel: 1 }, afterReceipt(16));
    expect(retried).toThrow(expect.objectContaining({ code: 'sla_action_already_recorded' }));
    expect(() => record(first, { type: 'record_escalation', toLevel: 3 }, afterReceipt(17))).toThrow(
      expect.objectContaining({ code: 'escalation_skips_rung' }),
    );
    expect(
      record(first, { type: 'record_escalation', toLevel: 2 }, afterReceipt(17)).case.escalationLevel,
    ).toBe(2);
  });

  it('records nothing on a paused clock', () => {
    const { case: paused } = caseIn('paused');
    for (const command of [{ type: 'record_breach' }, { type: 'record_acknowledgement_overdue' }] as const) {
      expect(() => record(paused, command, afterReceipt(20))).toThrow(/a case that is paused$/);
    }
  });
});
