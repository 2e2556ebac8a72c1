import {
  type ComplaintSubmission,
  complaintSubmissionSchema,
  type FieldError,
  fieldErrors,
} from '../../../shared/schemas/complaint-submission-schema.js';

export type CheckResult = { ok: true; submission: ComplaintSubmission } | { ok: false; errors: FieldError[] };

/**
 * Stand-ins that satisfy the schema for a field that already has an error. A contact field
 * keeps a stand-in rather than being dropped, so "a contact was given" stays true in the probe.
 */
const validStandIns: Readonly<Record<string, unknown>> = {
  subject: 'x',
  description: 'x',
  consent: true,
  anonymous: false,
  language: 'en',
  'customer.name': 'x',
  'customer.phone': '10000',
  'customer.email': 'x@example.com',
  'customer.customerId': 'x',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of the candidate with each errored path given its stand-in, or removed if optional. */
const probeWithout = (
  candidate: Record<string, unknown>,
  errors: readonly FieldError[],
): Record<string, unknown> => {
  const probe: Record<string, unknown> = { ...candidate };
  if (isRecord(candidate.customer)) probe.customer = { ...candidate.customer };
  for (const { path } of errors) {
    const [head, tail] = path.split('.');
    if (head === undefined) continue;
    const holder = tail === undefined ? probe : probe[head];
    const key = tail ?? head;
    if (!isRecord(holder)) continue;
    if (path in validStandIns) holder[key] = validStandIns[path];
    else delete holder[key];
  }
  return probe;
};

/**
 * Checks a candidate with the shared schema, exactly as the API will. zod skips the schema's
 * cross-field rules (name and contact unless anonymous) while a field is still invalid, which
 * would make the customer fix the form in two rounds; so after a failure the check is run
 * once more with the failing fields set right, and any cross-field error it reveals is shown
 * in the same round. Every message shown is one the API would give for this form.
 */
export const checkSubmission = (candidate: Record<string, unknown>): CheckResult => {
  const first = complaintSubmissionSchema.safeParse(candidate);
  if (first.success) return { ok: true, submission: first.data };
  const errors = fieldErrors(first.error);
  const second = complaintSubmissionSchema.safeParse(probeWithout(candidate, errors));
  if (second.success) return { ok: false, errors };
  const known = new Set(errors.map((error) => error.path));
  return {
    ok: false,
    errors: [...errors, ...fieldErrors(second.error).filter((error) => !known.has(error.path))],
  };
};
