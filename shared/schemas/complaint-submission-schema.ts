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

export const complaintSubmissionSchema = z
  .strictObject({
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
  })
  .superRefine((submission, context) => {
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
  });

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
