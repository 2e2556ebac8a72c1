import { z } from 'zod';
import { categories, languages } from '../domain/case/case-types.js';

/**
 * The public complaint contract (`POST /api/complaints`). The same schema validates in the
 * browser (the form) and in the intake Lambda, so the two can never disagree.
 */

export const MAX_SUBJECT_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 10_000;

const trimmed = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{3,22}[0-9]$/, 'must be a phone number (digits, spaces, +, -, parentheses)');

const dateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be a date (YYYY-MM-DD) or an ISO-8601 date-time',
});

export const customerSchema = z.strictObject({
  name: trimmed(100).optional(),
  email: z.string().trim().max(254).pipe(z.email('must be an e-mail address')).optional(),
  phone: phoneSchema.optional(),
  customerId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, - or _')
    .optional(),
  /** Optional: customers aged 70 or over are handled through the green channel. */
  age: z.number().int().min(0).max(130).optional(),
});

/** The public complaint fields, without the rules that tie them together. Unknown keys are refused. */
export const complaintFieldsSchema = z.strictObject(
  {
    customer: customerSchema,
    anonymous: z.boolean(),
    branchCode: z
      .string()
      .trim()
      .regex(/^[A-Z0-9-]{2,16}$/, 'must be a branch code of 2-16 capital letters, digits or -')
      .optional(),
    category: z.enum(categories).optional(),
    product: trimmed(100).optional(),
    subject: trimmed(MAX_SUBJECT_LENGTH).min(1, 'is required'),
    description: trimmed(MAX_DESCRIPTION_LENGTH).min(1, 'is required'),
    occurredAt: dateOrDateTime.optional(),
    desiredOutcome: trimmed(2_000).optional(),
    language: z.enum(languages),
    consent: z.literal(true, 'must be true: we need your consent to handle the complaint'),
    /** Optional markers for the green channel (vulnerable customer, urgent matter). */
    vulnerable: z.boolean().optional(),
    urgent: z.boolean().optional(),
  },
  'must be a JSON object',
);

type ComplaintFields = z.output<typeof complaintFieldsSchema>;

/** Unless anonymous, a name and at least one way to reach the customer. */
export const requireContact = (submission: ComplaintFields, context: z.RefinementCtx): void => {
  if (submission.anonymous) return;
  const { name, email, phone, customerId } = submission.customer;
  if (name === undefined || name.length === 0) {
    context.addIssue({
      code: 'custom',
      path: ['customer', 'name'],
      message: 'is required unless anonymous',
    });
  }
  if (email === undefined && phone === undefined && customerId === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['customer', 'email'],
      message: 'give at least one contact (email, phone or customerId) unless anonymous',
    });
  }
};

/**
 * A small allowance for clocks that run ahead and for a bare date read in a zone east of UTC;
 * anything later is a typing error.
 */
export const OCCURRED_AT_FUTURE_ALLOWANCE_MS = 24 * 3600 * 1000;

/** `occurredAt` must not lie in the future as seen at `now` (the server's clock, virtual locally). */
export const occurredAtNotAfter =
  (now: Date) =>
  (submission: { occurredAt?: string | undefined }, context: z.RefinementCtx): void => {
    const { occurredAt } = submission;
    if (occurredAt === undefined) return;
    if (Date.parse(occurredAt) > now.getTime() + OCCURRED_AT_FUTURE_ALLOWANCE_MS) {
      context.addIssue({ code: 'custom', path: ['occurredAt'], message: 'must not be in the future' });
    }
  };

/** The public contract without a clock: what the browser form checks as the customer types. */
export const complaintSubmissionSchema = complaintFieldsSchema.superRefine(requireContact);

/**
 * The whole public contract as the server applies it at `now`. Staff registration applies the same
 * rules (see staff-case-schema.ts), so the two can never disagree.
 */
export const complaintSubmissionSchemaAt = (now: Date) =>
  complaintFieldsSchema.superRefine(requireContact).superRefine(occurredAtNotAfter(now));

export type ComplaintSubmission = z.infer<typeof complaintSubmissionSchema>;

export interface FieldError {
  path: string;
  message: string;
}

/** zod issues as the `fields` of a 400 body: dotted paths (one per unknown field), plain messages. */
export const fieldErrors = (error: z.ZodError): FieldError[] =>
  error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const prefix = issue.path.length > 0 ? `${issue.path.join('.')}.` : '';
      return issue.keys.map((key) => ({ path: `${prefix}${key}`, message: 'is not a known field' }));
    }
    return [{ path: issue.path.join('.') || '(body)', message: issue.message }];
  });
