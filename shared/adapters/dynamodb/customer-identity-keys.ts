import { createHash } from 'node:crypto';
import type { CustomerIdentity } from '../../domain/case/case-store.js';

/**
 * Identity keys let a new complaint find earlier ones from the same person without any contact
 * data in a key: each identifier is normalised, tagged with its kind (so a phone number and a
 * customer id made of the same digits never match) and hashed with SHA-256.
 */

type IdentityKind = keyof CustomerIdentity;

const normalisers: Record<IdentityKind, (value: string) => string> = {
  email: (value) => value.trim().toLowerCase(),
  phone: (value) => value.replace(/\D/g, ''),
  customerId: (value) => value.trim(),
};

const identityKinds: readonly IdentityKind[] = ['email', 'phone', 'customerId'];

const sha256 = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** One hash per identifier that is still non-empty after normalising. */
export const customerIdentityHashes = (identity: CustomerIdentity): string[] => {
  const hashes = new Set<string>();
  for (const kind of identityKinds) {
    const raw = identity[kind];
    if (raw === undefined) continue;
    const normalised = normalisers[kind](raw);
    if (normalised.length > 0) hashes.add(sha256(`${kind}:${normalised}`));
  }
  return [...hashes];
};
