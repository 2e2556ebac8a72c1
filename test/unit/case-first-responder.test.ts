import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import { caseEventKinds } from '../../shared/domain/case/case-event-kinds.js';
import { contextAt, registerCommand, resolveCommand, staff, walk } from './support/case-fixtures.js';

describe('first-inquiry responsibility (首问负责制)', () => {
  it('keeps the first responder through transfers, reassignments, escalation and a second contact', () => {
    const { case: c, events } = walk([
      registerCommand,
      { type: 'start_work' },
      { type: 'transfer', toUnit: 'card-centre', note: 'Fees are posted by the card centre' },
      { type: 'assign', to: 'officer-zhao' },
      {
        type: 'transfer',
        toBranch: 'SH-0001',
        toHandler: 'manager-qian',
        note: 'Account domiciled in Shanghai',
      },
      { type: 'escalate', level: 2, reason: 'Customer threatens to go to the press' },
      resolveCommand,
      { type: 'reopen', reason: 'Customer not satisfied', leader: 'deputy-president-chen' },
      { type: 'assign', to: 'officer-wu' },
    ]);

    expect(c.firstResponder).toBe('teller-li');
    expect(c.handler).toBe('officer-wu');
    expect(c.branchCode).toBe('SH-0001');
    const handOvers = events.filter((e) =>
      [caseEventKinds.transferred, caseEventKinds.assigned, caseEventKinds.escalated].some(
        (k) => k === e.kind,
      ),
    );
    expect(handOvers).toHaveLength(5);
    for (const event of handOvers) expect(event.data?.firstResponder).toBe('teller-li');
  });

  it('keeps the first responder even when the transfer is done by someone else', () => {
    const { case: c, now } = walk([registerCommand]);
    const result = applyCommand(
      c,
      { type: 'transfer', toUnit: 'head-office-complaints', note: 'Regulator interest' },
      contextAt(new Date(now.getTime() + 60_000), staff('supervisor-he', 'operations_supervisor')),
    );
    expect(result.case.firstResponder).toBe('teller-li');
    expect(result.events[0]?.actor.id).toBe('supervisor-he');
  });

  it('refuses to register without a first responder', () => {
    expect(() => walk([{ ...registerCommand, firstResponder: ' ' }])).toThrow(
      expect.objectContaining({ code: 'text_required' }),
    );
  });

  it('leaves the first responder in place on a case that is withdrawn or merged', () => {
    const withdrawn = walk([registerCommand, { type: 'withdraw' }]);
    const merged = walk([registerCommand, { type: 'merge', into: 'RD-2025-000007' }]);
    expect(withdrawn.case.firstResponder).toBe('teller-li');
    expect(merged.case.firstResponder).toBe('teller-li');
  });
});
