import { z } from 'zod';

/** `POST /api/cases/{reference}/actions`: one body shape per action, told apart by `type`. */

const text = (max: number) => z.string().trim().min(1, 'is required').max(max);
const base = { expectedVersion: z.number().int().positive().optional() };
/** A field the API sets itself: sending it is refused with the reason, whatever its value. */
const notFromBody = (why: string) =>
  z.never({ error: `cannot be sent: ${why}, never a name in the request` }).optional();

/** What a decision says, in `resolve` and in a review that revises the decision. */
const resolution = {
  decision: z.enum(['upheld', 'partly_upheld', 'rejected']),
  atFault: z.enum(['yes', 'no', 'undetermined']),
  remedy: text(4_000).optional(),
  compensation: z
    .strictObject({
      amount: z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, 'must be an amount such as 200 or 199.50'),
      currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY'),
    })
    .optional(),
};

export const caseActionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('acknowledge'),
    via: z.enum(['email', 'phone', 'letter', 'in_person', 'sms']).optional(),
    ...base,
  }),
  /** Someone has begun working the case; a clock can only be paused once work is under way. */
  z.strictObject({ type: z.literal('start_work'), ...base }),
  z.strictObject({ type: z.literal('assign'), to: text(100), ...base }),
  z.strictObject({
    type: z.literal('transfer'),
    /** A branch code (the case moves branch) or the code of a unit within the bank. */
    to: text(100),
    note: text(4_000),
    /** The person in the receiving unit, when already known. */
    handler: text(100).optional(),
    ...base,
  }),
  z.strictObject({ type: z.literal('note'), text: text(10_000), ...base }),
  z.strictObject({ type: z.literal('request_info'), text: text(10_000), ...base }),
  z.strictObject({ type: z.literal('pause'), reason: text(2_000), ...base }),
  z.strictObject({ type: z.literal('resume'), reason: text(2_000).optional(), ...base }),
  z.strictObject({
    type: z.literal('extend'),
    reason: text(2_000),
    /**
     * Who asked and who approved are never taken from the body: the requester is the person the
     * case records, the approver is whoever is signed in. A body naming either is refused with a
     * 400 rather than silently overruled, so a client that thinks it chooses them learns it does not.
     */
    requestedBy: notFromBody('the requester is the case’s handler (or first responder)'),
    approvedBy: notFromBody('the approver is the signed-in person'),
    ...base,
  }),
  z.strictObject({
    type: z.literal('escalate'),
    level: z.number().int().min(1),
    reason: text(2_000),
    ...base,
  }),
  z.strictObject({ type: z.literal('resolve'), ...resolution, letter: text(20_000).optional(), ...base }),
  z.strictObject({
    type: z.literal('reopen'),
    reason: text(2_000),
    /** The leader taking part in the second contact; defaults to whoever reopens. */
    leader: text(100).optional(),
    respondBy: z.iso.datetime({ offset: true }).optional(),
    ...base,
  }),
  /** The customer asked (by phone, at the counter, by letter) for the decision to be reviewed (核查). */
  z.strictObject({ type: z.literal('request_review'), reason: text(2_000), ...base }),
  /**
   * The superior unit's answer to a review: the decision stands (`confirmed`), or a new decision
   * replaces it (`revised`, with the same fields as `resolve`). The letter goes to the customer.
   */
  z
    .strictObject({
      type: z.literal('decide_review'),
      outcome: z.enum(['confirmed', 'revised']),
      decision: resolution.decision.optional(),
      atFault: resolution.atFault.optional(),
      remedy: resolution.remedy,
      compensation: resolution.compensation,
      letter: text(20_000),
      ...base,
    })
    .superRefine((action, ctx) => {
      if (action.outcome !== 'revised') return;
      for (const field of ['decision', 'atFault'] as const) {
        if (action[field] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: 'is required when the review revises the decision',
          });
        }
      }
    }),
  /** The case is finished: the revisit is done or not required. */
  z.strictObject({ type: z.literal('close'), note: text(2_000).optional(), ...base }),
  z.strictObject({ type: z.literal('merge'), into: text(40), ...base }),
  z.strictObject({ type: z.literal('withdraw'), reason: text(2_000).optional(), ...base }),
]);

export type CaseAction = z.infer<typeof caseActionSchema>;
