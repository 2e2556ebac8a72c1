/// <reference lib="dom" />

import type { ComplaintSubmission, FieldError } from '../../../shared/schemas/complaint-submission-schema.js';
import { type AcceptedResponse, acceptedResponseSchema, apiErrorSchema, readJson } from './api-schemas.js';

export type SubmitOutcome =
  | { kind: 'accepted'; accepted: AcceptedResponse }
  | { kind: 'invalid'; fields: FieldError[]; message: string }
  | { kind: 'too_large' }
  | { kind: 'conflict' }
  | { kind: 'rejected'; message: string | undefined }
  | { kind: 'server_error' }
  | { kind: 'network_error' };

/** RFC 4122 version 4, from the platform when it offers one (secure contexts only). */
export const randomIdempotencyKey = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export interface SubmitterOptions {
  endpoint?: string;
  fetcher?: typeof fetch;
  newKey?: () => string;
}

/**
 * Sends complaints with an idempotency key. Each new submission gets a fresh key; when an
 * attempt ends without a definite answer (the network failed, the server erred or is still
 * busy with it) and the customer sends the very same complaint again, the key is reused so
 * the server answers the first attempt instead of registering the complaint twice.
 */
export const createSubmitter = ({
  endpoint = '/api/complaints',
  fetcher = (input, init) => fetch(input, init),
  newKey = randomIdempotencyKey,
}: SubmitterOptions = {}) => {
  let unconfirmed: { body: string; key: string } | undefined;

  return async (submission: ComplaintSubmission): Promise<SubmitOutcome> => {
    const body = JSON.stringify(submission);
    const key = unconfirmed !== undefined && unconfirmed.body === body ? unconfirmed.key : newKey();
    unconfirmed = { body, key };

    let response: Response;
    try {
      response = await fetcher(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': key },
        body,
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      return { kind: 'network_error' };
    }
    const payload = await readJson(response);

    if (response.status >= 500) return { kind: 'server_error' };
    if (response.status === 409) return { kind: 'conflict' };
    if (response.ok) {
      const accepted = acceptedResponseSchema.safeParse(payload);
      // A success we cannot read is no confirmation: keep the key so a retry cannot duplicate.
      if (!accepted.success) return { kind: 'server_error' };
      unconfirmed = undefined;
      return { kind: 'accepted', accepted: accepted.data };
    }

    // Any other answer is a definite "no": the next attempt is a new submission with a new key.
    unconfirmed = undefined;
    if (response.status === 413) return { kind: 'too_large' };
    const error = apiErrorSchema.safeParse(payload);
    if (response.status === 400 && error.success && error.data.error.fields.length > 0) {
      return { kind: 'invalid', fields: error.data.error.fields, message: error.data.error.message };
    }
    return { kind: 'rejected', message: error.success ? error.data.error.message : undefined };
  };
};

export type Submitter = ReturnType<typeof createSubmitter>;
