import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The status-page key handed to the customer once. 32 random bytes (256 bits); only its
 * SHA-256 is stored, so a leaked table cannot be used to read anyone's status.
 */
export const newTrackingToken = (): string => randomBytes(32).toString('base64url');

export const hashTrackingToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const trackingTokenMatches = (token: string, storedHash: string | undefined): boolean => {
  if (storedHash === undefined) return false;
  const given = Buffer.from(hashTrackingToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
};
