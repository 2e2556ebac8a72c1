import { describe, expect, it } from 'vitest';
import {
  defaultEscalationLadder,
  isTopLevel,
  levelAt,
  levelLabel,
  levelOfRole,
  nextEscalationLevel,
} from '../../shared/domain/escalation/escalation-ladder.js';

const ladder = defaultEscalationLadder;

describe('the default escalation ladder (逐级上报)', () => {
  it('runs from the branch head to the president, named in Chinese and English', () => {
    expect(ladder.levels.map((level) => level.role)).toEqual([
      'branch_head',
      'operations_supervisor',
      'deputy_president',
      'president',
    ]);
    expect([1, 2, 3, 4].map((n) => levelLabel(ladder, n, 'zh-CN'))).toEqual([
      '网点负责人',
      '营运主管',
      '分管行长',
      '行长',
    ]);
    expect(levelLabel(ladder, 3, 'en')).toBe('Deputy president in charge');
  });

  it('waits one working day on each rung by default', () => {
    expect(ladder.timing.normal.intervalWorkingDays).toBe(1);
    expect(ladder.timing.green_channel.intervalWorkingDays).toBe(1);
  });

  it('names the rung at each level, and none for "not escalated" or beyond the top', () => {
    expect(levelAt(ladder, 1)?.role).toBe('branch_head');
    expect(levelAt(ladder, 4)?.role).toBe('president');
    expect(levelAt(ladder, 0)).toBeUndefined();
    expect(levelAt(ladder, 5)).toBeUndefined();
    expect(levelAt(ladder, 1.5)).toBeUndefined();
  });

  it('steps one rung up at a time and stops at the top', () => {
    expect(nextEscalationLevel(ladder, 0)).toBe(1);
    expect(nextEscalationLevel(ladder, 1)).toBe(2);
    expect(nextEscalationLevel(ladder, 3)).toBe(4);
    expect(nextEscalationLevel(ladder, 4)).toBeUndefined();
    expect(isTopLevel(ladder, 3)).toBe(false);
    expect(isTopLevel(ladder, 4)).toBe(true);
  });

  it('finds the level of a role', () => {
    expect(levelOfRole(ladder, 'deputy_president')).toBe(3);
    expect(levelOfRole(ladder, 'chairman')).toBeUndefined();
  });

  it('treats a one-rung ladder as already at the top once escalated', () => {
    const single = { ...ladder, levels: ladder.levels.slice(0, 1) };
    expect(nextEscalationLevel(single, 0)).toBe(1);
    expect(nextEscalationLevel(single, 1)).toBeUndefined();
  });
});
