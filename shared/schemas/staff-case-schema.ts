import { z } from 'zod';
import { caseStatuses, channels, priorities } from '../domain/case/case-types.js';
import { complaintFieldsSchema, occurredAtNotAfter, requireContact } from './complaint-submission-schema.js';
import { branchCodeSchema } from './staff-branch-schema.js';

/** Channels through which staff take a complaint down; web, app and e-mail arrive on their own. */
export const staffChannels = [
  'hotline',
  'walk_in',
  'letter',
  'suggestion_box',
  'media',
  'regulator_transfer',
  'branch_transfer',
] as const satisfies readonly (typeof channels)[number][];

/**
 * What `POST /api/cases` adds to the public complaint fields. The rest of the body is checked by
 * the public schema itself, so the two contracts cannot drift apart.
 */
export const staffIntakeFieldsSchema = z.object({
  channel: z.enum(staffChannels),
  /** When the complaint first reached the bank; the clock runs from here. Defaults to now. */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  externalReference: z.string().trim().min(1).max(100).optional(),
});

/** Clocks on staff PCs run a little ahead at times; a receipt later than this is a typing error. */
export const RECEIVED_AT_FUTURE_ALLOWANCE_MS = 5 * 60 * 1000;

/**
 * The whole `POST /api/cases` body at `now`: the public fields under the public rules (contact,
 * `occurredAt` not in the future), the staff fields, and nothing else (an unknown key, `__proto__`
 * included, is named, not dropped).
 */
export const staffCaseRegistrationSchemaAt = (now: Date) =>
  complaintFieldsSchema
    .extend(staffIntakeFieldsSchema.shape)
    .superRefine(requireContact)
    .superRefine(occurredAtNotAfter(now))
    .superRefine(({ receivedAt }, context) => {
      if (
        receivedAt !== undefined &&
        Date.parse(receivedAt) > now.getTime() + RECEIVED_AT_FUTURE_ALLOWANCE_MS
      ) {
        context.addIssue({ code: 'custom', path: ['receivedAt'], message: 'must not be in the future' });
      }
    });

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
const list = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((value) => value.split(',').filter((part) => part.length > 0))
    .pipe(z.array(z.enum(values)).min(1));

/** `GET /api/cases` query: every filter optional; several statuses or channels comma-separated. */
export const caseListQuerySchema = z.strictObject({
  status: list(caseStatuses).optional(),
  branch: branchCodeSchema.optional(),
  overdue: flag.optional(),
  dueBefore: z.iso.datetime({ offset: true }).optional(),
  priority: z.enum(priorities).optional(),
  repeat: flag.optional(),
  channel: list(channels).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  cursor: z.string().min(1).max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
