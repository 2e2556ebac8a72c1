import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * A retried request must get the same 202 body, tracking token included, yet the token is
 * stored nowhere in clear. The idempotency record therefore keeps the token sealed with a key
 * derived from the client's Idempotency-Key, which only the client holds (the record itself is
 * keyed by a hash of it).
 */
const keyFrom = (idempotencyKey: string): Buffer =>
  Buffer.from(hkdfSync('sha256', idempotencyKey, 'redress-tracking-token', 'seal', 32));

export const sealToken = (token: string, idempotencyKey: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(idempotencyKey), iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
};

export const unsealToken = (sealed: string, idempotencyKey: string): string => {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (iv === undefined || tag === undefined || body === undefined) throw new Error('malformed sealed token');
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(idempotencyKey), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
};
