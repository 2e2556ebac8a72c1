import { createHash } from 'node:crypto';
import { normaliseAddress } from './mail-headers.js';

export const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/**
 * A digest of a sender's address, normalised (trimmed, lower-cased): what keys and logs carry in
 * place of the address, which is personal data. Mail without a From digests as `none`.
 */
export const senderDigest = (address: string | undefined): string =>
  address === undefined || address.trim() === '' ? 'none' : sha256Hex(normaliseAddress(address));
