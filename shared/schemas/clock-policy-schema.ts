import { z } from 'zod';
import type { ClockPolicy, Period } from '../domain/clock-policy/clock-policy-types.js';

export const periodSchema = z.strictObject({
  unit: z.enum(['calendar_days', 'business_days', 'hours']),
  amount: z.number().int().min(0).max(3660),
});

const extensionStepSchema = z.strictObject({
  step: z.number().int().min(1),
  label: z.string().trim().min(1).max(100),
  decideWithin: periodSchema,
  requiresApproval: z.boolean(),
  customerMustBeTold: z.boolean(),
  description: z.string().trim().min(1),
});

// Periods in different units cannot be compared without a start date; only like with like is checked.
const longerThan = (a: Period, b: Period): boolean | undefined =>
  a.unit === b.unit ? a.amount > b.amount : undefined;
const notLongerThan = (a: Period, b: Period): boolean | undefined =>
  a.unit === b.unit ? a.amount <= b.amount : undefined;

/**
 * A clock policy as a bank supplies it (JSON). `reminderShare` defaults to 0.8. Extension steps
 * must run 1, 2, ... and each must lengthen the clock; green-channel targets must not be
 * longer than the normal ones.
 */
export const clockPolicySchema: z.ZodType<ClockPolicy> = z
  .strictObject({
    id: z
      .string()
      .max(64)
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be lower-case kebab-case' }),
    name: z.string().trim().min(1).max(200),
    source: z.string().trim().min(1),
    defaultCalendarId: z.string().min(1),
    acknowledgeWithin: periodSchema.optional(),
    decideWithin: periodSchema,
    summaryResolutionWithin: periodSchema.optional(),
    extensions: z.array(extensionStepSchema).max(5),
    pausesStopClock: z.boolean(),
    review: z.strictObject({ requestWithin: periodSchema, decideWithin: periodSchema }).optional(),
    greenChannel: z.strictObject({
      acknowledgeWithin: periodSchema.optional(),
      decideWithin: periodSchema.optional(),
      rationale: z.string().trim().min(1),
    }),
    reminderShare: z.number().gt(0).lt(1).default(0.8),
  })
  .superRefine((policy, ctx) => {
    if (policy.decideWithin.amount === 0) {
      ctx.addIssue({ code: 'custom', path: ['decideWithin', 'amount'], message: 'must be greater than 0' });
    }
    let previous: Period = policy.decideWithin;
    policy.extensions.forEach((extension, index) => {
      if (extension.step !== index + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['extensions', index, 'step'],
          message: `must be ${index + 1}`,
        });
      }
      if (longerThan(extension.decideWithin, previous) === false) {
        ctx.addIssue({
          code: 'custom',
          path: ['extensions', index, 'decideWithin'],
          message: 'an extension must make the decision period longer',
        });
      }
      previous = extension.decideWithin;
    });
    const green = policy.greenChannel;
    if (green.decideWithin && notLongerThan(green.decideWithin, policy.decideWithin) === false) {
      ctx.addIssue({
        code: 'custom',
        path: ['greenChannel', 'decideWithin'],
        message: 'must not be longer than the normal decision period',
      });
    }
    if (green.acknowledgeWithin && policy.acknowledgeWithin) {
      if (notLongerThan(green.acknowledgeWithin, policy.acknowledgeWithin) === false) {
        ctx.addIssue({
          code: 'custom',
          path: ['greenChannel', 'acknowledgeWithin'],
          message: 'must not be longer than the normal acknowledgement period',
        });
      }
    }
  });
