import { createHash } from 'node:crypto';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { z } from 'zod';
import { type CaseStore, type IntakeClaim, IntakeClaimTakenError } from '../domain/case/case-store.js';
import { HttpProblem } from './http-problem.js';
import { headerValue } from './json-request.js';
import { sealToken, unsealToken } from './sealed-token.js';

/** What a retried intake request must get back: the same reference and the same status token. */
export interface IntakeAnswer {
  reference: string;
  token: string;
}

/** Passed to `accept` when the request carries an Idempotency-Key; becomes the claim record. */
export interface IntakeClaimRequest {
  id: string;
  fingerprint: string;
  key: string;
}

const WINDOW_MS = 24 * 3600 * 1000;

const keySchema = z
  .string()
  .trim()
  .regex(/^[\x21-\x7e]{8,128}$/, 'must be 8-128 visible ASCII characters');

/** Key order must not make a retry look like a different request. */
const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The claim stored with the new case: the first answer, its token sealed with the client's key. */
export const intakeClaimRecord = (
  claim: IntakeClaimRequest,
  answer: IntakeAnswer,
  now: Date,
): IntakeClaim => ({
  id: claim.id,
  fingerprint: claim.fingerprint,
  response: { reference: answer.reference, sealedToken: sealToken(answer.token, claim.key) },
  expiresAt: new Date(now.getTime() + WINDOW_MS).toISOString(),
});

const replay = (claim: IntakeClaim, fingerprint: string, key: string): IntakeAnswer => {
  const { reference, sealedToken } = claim.response;
  if (claim.fingerprint !== fingerprint || reference === undefined || sealedToken === undefined) {
    throw new HttpProblem(
      409,
      'idempotency_key_reused',
      'This Idempotency-Key was used with a different body.',
    );
  }
  return { reference, token: unsealToken(sealedToken, key) };
};

/**
 * Idempotency-Key for intake routes: the same key and body get the first answer; the same key
 * with another body gets 409. The claim is written in the new case's own transaction (by
 * `accept`, through intakeClaimRecord), so no crash can leave a case without its claim.
 */
export const acceptOnce = async (input: {
  event: APIGatewayProxyEvent;
  raw: unknown;
  /** Separates routes and, for staff, people: one client's key never answers another's request. */
  scope: string;
  store: Pick<CaseStore, 'getClaim'>;
  now: Date;
  accept: (claim?: IntakeClaimRequest) => Promise<IntakeAnswer>;
}): Promise<IntakeAnswer> => {
  const header = headerValue(input.event, 'idempotency-key');
  if (header === undefined) return input.accept();
  const key = keySchema.safeParse(header);
  if (!key.success) {
    throw new HttpProblem(400, 'validation_failed', 'The Idempotency-Key header is not usable.', [
      { path: 'headers.Idempotency-Key', message: key.error.issues[0]?.message ?? 'is invalid' },
    ]);
  }
  const id = digest(`${input.scope}:${key.data}`);
  const fingerprint = digest(canonicalJson(input.raw));
  const earlier = await input.store.getClaim(id);
  if (earlier !== undefined && Date.parse(earlier.expiresAt) > input.now.getTime()) {
    return replay(earlier, fingerprint, key.data);
  }
  try {
    return await input.accept({ id, fingerprint, key: key.data });
  } catch (error) {
    if (!(error instanceof IntakeClaimTakenError)) throw error;
    // Two requests with one key at once: the other one won; answer as it did.
    const winner = await input.store.getClaim(id);
    if (winner === undefined) throw error;
    return replay(winner, fingerprint, key.data);
  }
};
