import { describe, expect, it } from 'vitest';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import {
  escalationLadderSchema,
  parseEscalationLadder,
} from '../../shared/schemas/escalation-ladder-schema.js';

const rung = (role: string, zh: string, en: string) => ({ role, labels: { 'zh-CN': zh, en } });

describe('a bank’s escalation ladder configuration', () => {
  it('accepts the default ladder unchanged', () => {
    expect(parseEscalationLadder(defaultEscalationLadder)).toEqual(defaultEscalationLadder);
  });

  it('fills in timing and immediate targets a bank leaves out', () => {
    const ladder = parseEscalationLadder({
      id: 'county-branch',
      levels: [
        rung('branch_head', '网点负责人', 'Branch head'),
        rung('sub_branch_president', '支行行长', 'Sub-branch president'),
        rung('president', '行长', 'President'),
      ],
    });
    expect(ladder.timing).toEqual(defaultEscalationLadder.timing);
    expect(ladder.immediate).toEqual({ difficult: 'sub_branch_president', major: 'president' });
  });

  it('rejects a ladder with no levels', () => {
    const result = escalationLadderSchema.safeParse({ id: 'empty', levels: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['levels'],
      message: 'an escalation ladder needs at least one level',
    });
  });

  it('rejects a role that appears twice, naming where', () => {
    const result = escalationLadderSchema.safeParse({
      id: 'dup',
      levels: [
        rung('branch_head', '网点负责人', 'Branch head'),
        rung('branch_head', '网点主任', 'Branch manager'),
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['levels', 1, 'role'], message: 'role branch_head appears twice' }),
    ]);
  });

  it('rejects an immediate target that is not on the ladder', () => {
    const result = escalationLadderSchema.safeParse({
      id: 'bad-target',
      levels: [rung('branch_head', '网点负责人', 'Branch head')],
      immediate: { difficult: 'branch_head', major: 'chairman' },
    });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['immediate', 'major'] })]);
  });

  it('requires both labels and a whole, positive number of working days', () => {
    expect(
      escalationLadderSchema.safeParse({
        id: 'x',
        levels: [{ role: 'branch_head', labels: { 'zh-CN': '网点负责人' } }],
      }).success,
    ).toBe(false);
    const badInterval = {
      id: 'x',
      levels: [rung('branch_head', '网点负责人', 'Branch head')],
      timing: {
        normal: { startAt: 'decide_by', intervalWorkingDays: 0.5 },
        green_channel: { startAt: 'remind_at', intervalWorkingDays: 1 },
      },
    };
    expect(escalationLadderSchema.safeParse(badInterval).error?.issues[0]?.path).toEqual([
      'timing',
      'normal',
      'intervalWorkingDays',
    ]);
  });
});
