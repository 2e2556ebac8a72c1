import type { Language, Priority } from '../case/case-types.js';

/** One rung of the ladder (逐级上报): who is told, and how to name them to staff. */
export interface EscalationLevel {
  role: string;
  labels: Record<Language, string>;
}

/** Which calculated instant starts the climb, and how long a case waits on each rung. */
export interface EscalationTiming {
  startAt: 'remind_at' | 'decide_by';
  /** Counted on the bank's calendar elsewhere; the domain only carries the number. */
  intervalWorkingDays: number;
}

export type ComplaintSeverity = 'difficult' | 'major';

/** A bank's ladder is data: its rungs, its timing per priority, and where hard cases go at once. */
export interface EscalationLadder {
  id: string;
  /** Lowest rung first; level n of a case is `levels[n - 1]`. */
  levels: readonly EscalationLevel[];
  timing: Record<Priority, EscalationTiming>;
  /** Role a difficult or a major complaint goes to straight away. */
  immediate: Record<ComplaintSeverity, string>;
}

export const defaultEscalationLadder: EscalationLadder = {
  id: 'default',
  levels: [
    { role: 'branch_head', labels: { 'zh-CN': '网点负责人', en: 'Branch head' } },
    { role: 'operations_supervisor', labels: { 'zh-CN': '营运主管', en: 'Operations supervisor' } },
    { role: 'deputy_president', labels: { 'zh-CN': '分管行长', en: 'Deputy president in charge' } },
    { role: 'president', labels: { 'zh-CN': '行长', en: 'President' } },
  ],
  timing: {
    normal: { startAt: 'decide_by', intervalWorkingDays: 1 },
    // Urgent or vulnerable customers: management hears of it at the reminder point, not at the breach.
    green_channel: { startAt: 'remind_at', intervalWorkingDays: 1 },
  },
  immediate: { difficult: 'operations_supervisor', major: 'president' },
};

/** The rung at level `n` (1-based); undefined for 0 (not escalated) or beyond the top. */
export const levelAt = (ladder: EscalationLadder, n: number): EscalationLevel | undefined =>
  Number.isInteger(n) && n >= 1 ? ladder.levels[n - 1] : undefined;

export const topLevel = (ladder: EscalationLadder): number => ladder.levels.length;

export const isTopLevel = (ladder: EscalationLadder, n: number): boolean => n >= topLevel(ladder);

/** The level a system escalation moves to from `current`; undefined when already at the top. */
export const nextEscalationLevel = (ladder: EscalationLadder, current: number): number | undefined =>
  isTopLevel(ladder, current) ? undefined : Math.max(0, Math.floor(current)) + 1;

/** The level of a role on the ladder, or undefined when the bank's ladder has no such rung. */
export const levelOfRole = (ladder: EscalationLadder, role: string): number | undefined => {
  const index = ladder.levels.findIndex((level) => level.role === role);
  return index < 0 ? undefined : index + 1;
};

/** Staff-facing name of the rung at level `n`, in the given language. */
export const levelLabel = (ladder: EscalationLadder, n: number, language: Language): string | undefined =>
  levelAt(ladder, n)?.labels[language];
