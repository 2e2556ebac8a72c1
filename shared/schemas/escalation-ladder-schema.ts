import { z } from 'zod';
import { defaultEscalationLadder, type EscalationLadder } from '../domain/escalation/escalation-ladder.js';

const label = z.string().trim().min(1);

export const escalationLevelSchema = z.object({
  role: z.string().regex(/^[a-z][a-z0-9_]*$/, 'role must be snake_case, e.g. branch_head'),
  labels: z.object({ 'zh-CN': label, en: label }),
});

const timingSchema = z.object({
  startAt: z.enum(['remind_at', 'decide_by']),
  intervalWorkingDays: z.number().int().min(1).max(30),
});

/** A bank's ladder as it arrives in configuration; omitted timing and targets take the defaults. */
export const escalationLadderSchema = z
  .object({
    id: z.string().trim().min(1),
    levels: z.array(escalationLevelSchema).min(1, 'an escalation ladder needs at least one level'),
    timing: z
      .object({ normal: timingSchema, green_channel: timingSchema })
      .default(defaultEscalationLadder.timing),
    immediate: z.object({ difficult: z.string(), major: z.string() }).optional(),
  })
  .superRefine((ladder, ctx) => {
    const seen = new Set<string>();
    ladder.levels.forEach((level, index) => {
      if (seen.has(level.role)) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', index, 'role'],
          message: `role ${level.role} appears twice`,
        });
      }
      seen.add(level.role);
    });
    for (const severity of ['difficult', 'major'] as const) {
      const role = ladder.immediate?.[severity];
      if (role !== undefined && !seen.has(role)) {
        ctx.addIssue({
          code: 'custom',
          path: ['immediate', severity],
          message: `role ${role} is not on the ladder`,
        });
      }
    }
  })
  .transform((ladder): EscalationLadder => {
    // Without explicit targets: difficult goes one rung above the first, major to the top.
    const roles = ladder.levels.map((level) => level.role);
    const top = roles[roles.length - 1] ?? '';
    const immediate = ladder.immediate ?? { difficult: roles[1] ?? top, major: top };
    return { id: ladder.id, levels: ladder.levels, timing: ladder.timing, immediate };
  });

export type EscalationLadderInput = z.input<typeof escalationLadderSchema>;

/** Parses a bank's ladder config; throws a ZodError naming the offending field. */
export const parseEscalationLadder = (input: unknown): EscalationLadder =>
  escalationLadderSchema.parse(input);
