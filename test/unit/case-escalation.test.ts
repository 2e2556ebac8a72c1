import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../shared/domain/case/apply-command.js';
import type { TransitionContext } from '../../shared/domain/case/case-commands.js';
import { caseEventKinds } from '../../shared/domain/case/case-event-kinds.js';
import type { EscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import {
  afterReceipt,
  caseIn,
  contextAt,
  registerCommand,
  slaWorkflow,
  staff,
  walk,
} from './support/case-fixtures.js';

const supervisor = staff('supervisor-he', 'operations_supervisor');

describe('manual escalation of a difficult or major complaint', () => {
  it('goes straight to any rung of the ladder', () => {
    const { case: c } = caseIn('in_progress');
    const now = afterReceipt(0, 5);
    const result = applyCommand(
      c,
      { type: 'escalate', level: 3, reason: 'Major: many customers affected' },
      contextAt(now, supervisor),
    );

    expect(result.case).toMatchObject({ escalationLevel: 3, escalatedAt: now.toISOString() });
    expect(result.events[0]).toMatchObject({
      kind: caseEventKinds.escalated,
      data: {
        mode: 'manual',
        fromLevel: 0,
        toLevel: 3,
        role: 'deputy_president',
        reason: 'Major: many customers affected',
      },
    });
  });

  it('never goes down the ladder', () => {
    const { case: c } = walk([
      registerCommand,
      { type: 'start_work' },
      { type: 'escalate', level: 3, reason: 'Major' },
    ]);
    expect(() =>
      applyCommand(c, { type: 'escalate', level: 2, reason: 'Calmer now' }, contextAt(afterReceipt(1))),
    ).toThrow(expect.objectContaining({ name: 'CaseRuleError', code: 'escalation_downwards' }));
  });

  it('may raise the case again at the same rung with a new reason', () => {
    const first = applyCommand(
      caseIn('in_progress').case,
      { type: 'escalate', level: 2, reason: 'Difficult' },
      contextAt(afterReceipt(1)),
    );
    const again = applyCommand(
      first.case,
      { type: 'escalate', level: 2, reason: 'Customer now at the branch' },
      contextAt(afterReceipt(2)),
    );
    expect(again.case.escalationLevel).toBe(2);
    expect(again.case.version).toBe(first.case.version + 1);
  });

  it('refuses a rung the bank’s ladder does not have', () => {
    const { case: c } = caseIn('in_progress');
    expect(() =>
      applyCommand(c, { type: 'escalate', level: 5, reason: 'Board' }, contextAt(afterReceipt(1))),
    ).toThrow(expect.objectContaining({ code: 'unknown_escalation_level' }));
    expect(() =>
      applyCommand(c, { type: 'escalate', level: 0, reason: 'None' }, contextAt(afterReceipt(1))),
    ).toThrow(expect.objectContaining({ code: 'unknown_escalation_level' }));
  });

  it('is open to staff while the clock is paused', () => {
    const { case: c } = caseIn('paused');
    const result = applyCommand(
      c,
      { type: 'escalate', level: 1, reason: 'Lab result disputed' },
      contextAt(afterReceipt(3)),
    );
    expect(result.case).toMatchObject({ status: 'paused', escalationLevel: 1 });
  });
});

describe('system escalation up the ladder (逐级上报)', () => {
  it('climbs one rung at a time and stops at the president', () => {
    let c = caseIn('in_progress').case;
    const roles: unknown[] = [];
    for (let day = 15; day <= 18; day += 1) {
      const result = applyCommand(
        c,
        { type: 'record_escalation', reason: 'Decision deadline passed' },
        contextAt(afterReceipt(day), slaWorkflow),
      );
      roles.push(result.events[0]?.data?.role);
      c = result.case;
    }
    expect(roles).toEqual(['branch_head', 'operations_supervisor', 'deputy_president', 'president']);
    expect(() =>
      applyCommand(c, { type: 'record_escalation' }, contextAt(afterReceipt(19), slaWorkflow)),
    ).toThrow(expect.objectContaining({ code: 'already_at_top_level' }));
  });

  it('follows a bank’s own, shorter ladder', () => {
    const twoRungs: EscalationLadder = {
      ...defaultEscalationLadder,
      id: 'small-branch',
      levels: [
        { role: 'branch_head', labels: { 'zh-CN': '网点负责人', en: 'Branch head' } },
        { role: 'president', labels: { 'zh-CN': '行长', en: 'President' } },
      ],
      immediate: { difficult: 'branch_head', major: 'president' },
    };
    const ctx = (day: number): TransitionContext => ({
      ...contextAt(afterReceipt(day), slaWorkflow),
      ladder: twoRungs,
    });
    const first = applyCommand(caseIn('in_progress').case, { type: 'record_escalation' }, ctx(15));
    const second = applyCommand(first.case, { type: 'record_escalation' }, ctx(16));
    expect(second.events[0]?.data).toMatchObject({ mode: 'system', toLevel: 2, role: 'president' });
    expect(() => applyCommand(second.case, { type: 'record_escalation' }, ctx(17))).toThrow(
      expect.objectContaining({ code: 'already_at_top_level' }),
    );
  });

  it('waits while the clock is paused', () => {
    const { case: c } = caseIn('paused');
    expect(() =>
      applyCommand(c, { type: 'record_escalation' }, contextAt(afterReceipt(20), slaWorkflow)),
    ).toThrow('cannot escalate a case that is paused');
  });
});
