import { z } from 'zod';

/**
 * What a committed case change still owes the world: a notice to send or a watch to start. Each
 * is written as an outbox record in the same transaction as the change, so a crash can delay an
 * effect but never lose it. The shape is defined here once; `CaseEffect` is its inferred type.
 */

const instant = z.iso.datetime();

const slaActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('acknowledgement_overdue'), dueAt: instant, deadline: instant }),
  z.object({ kind: z.literal('decision_reminder'), dueAt: instant, deadline: instant }),
  z.object({ kind: z.literal('decision_breach'), dueAt: instant, deadline: instant }),
  z.object({
    kind: z.literal('escalate'),
    toLevel: z.number().int().min(1),
    role: z.string().min(1),
    trigger: z.enum(['decision_deadline', 'reminder_point', 'rung_interval']),
    dueAt: instant,
    deadline: instant,
  }),
]);

/** The part of a customer notice that belongs to the change; names and contacts are read at sending. */
export const customerNoticeSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('extension'),
    previousDecideBy: instant,
    newDecideBy: instant,
    reason: z.string(),
    step: z.union([z.literal(1), z.literal(2)]),
    approvedBy: z.string().optional(),
  }),
  z.object({ type: z.literal('pause'), reason: z.string(), startedAt: instant }),
  z.object({ type: z.literal('resume'), resumedAt: instant, newDecideBy: instant }),
  z.object({
    type: z.literal('decision'),
    decision: z.enum(['upheld', 'partly_upheld', 'rejected']),
    remedy: z.string().optional(),
    compensation: z.object({ amount: z.string(), currency: z.string() }).optional(),
    letter: z.string().optional(),
    reviewRequestBy: instant.optional(),
  }),
  /** The customer asked for a review (核查): when it will be answered. */
  z.object({ type: z.literal('review_received'), requestedAt: instant, reviewDecideBy: instant }),
  /** The review's answer: the decision stands, or the new decision. */
  z.object({
    type: z.literal('review_decision'),
    outcome: z.enum(['confirmed', 'revised']),
    decision: z.enum(['upheld', 'partly_upheld', 'rejected']),
    remedy: z.string().optional(),
    compensation: z.object({ amount: z.string(), currency: z.string() }).optional(),
    letter: z.string().optional(),
  }),
]);

export const caseEffectSchema = z.discriminatedUnion('kind', [
  /** Start (or restart, with a newer generation) the case's SLA watch. */
  z.object({ kind: z.literal('start_watch'), generation: z.number().int().min(1), wakeAt: instant }),
  /**
   * The acknowledgement. The customer's status token travels sealed until the mail is sent, so a
   * re-sent acknowledgement still links to the status page; it is removed once the mail is out.
   */
  z.object({ kind: z.literal('acknowledgement'), sealedTrackingToken: z.string().min(1).optional() }),
  z.object({ kind: z.literal('customer_notice'), notice: customerNoticeSchema }),
  /** A reminder, breach, overdue-acknowledgement or escalation notice to staff. */
  z.object({ kind: z.literal('sla_notice'), action: slaActionSchema }),
]);

export type CaseEffect = z.infer<typeof caseEffectSchema>;
export type CustomerNotice = z.infer<typeof customerNoticeSchema>;
export type CaseEffectKind = CaseEffect['kind'];

/** An effect as stored: its id is stable (the case, the change's version, the position in it). */
export const outboxRecordSchema = z.object({
  id: z.string().min(1),
  reference: z.string().min(1),
  createdAt: instant,
  effect: caseEffectSchema,
  /** Set once the effect is done; a record read with it set is never done again. */
  doneAt: instant.optional(),
  outcome: z.string().optional(),
});

export type OutboxRecord = z.infer<typeof outboxRecordSchema>;
