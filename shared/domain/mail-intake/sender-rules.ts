import type { InboundMail } from './inbound-mail.js';
import { subjectPrefixes } from './mail-threading.js';
import { senderDigest, sha256Hex } from './sender-digest.js';

/**
 * A subject as a storm of automatic mails repeats it: reply/forward markers gone, digits (ticket
 * numbers, counters, times) and punctuation ignored, spaces collapsed, lower-cased.
 */
export const normaliseStormSubject = (subject: string): string =>
  subjectPrefixes(subject)
    .rest.toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\p{N}+/gu, '#')
    .trim();

/** How long later mails from one sender with the same subject join the first one's case. */
export const STORM_WINDOW_MS = 24 * 3600 * 1000;

/**
 * The key that groups an unmarked auto-reply storm: the same sender and the same normalised
 * subject. The first such mail opens a case; every later one within {@link STORM_WINDOW_MS} is
 * a message on that case, so a responder loop cannot open (and acknowledge) a case per mail.
 */
export const stormKey = (
  mail: Pick<InboundMail, 'from' | 'subject'>,
  options: { senderUnverified?: boolean } = {},
): string =>
  // A forged From must never thread onto the real sender's case, so unverified mail storms apart.
  sha256Hex(
    `${senderDigest(mail.from?.address)}\n${normaliseStormSubject(mail.subject)}${options.senderUnverified ? '\nunverified' : ''}`,
  );

/** Is a storm entry opened at `openedAt` still the case a new mail at `now` joins? */
export const stormStillOpen = (openedAt: string, now: Date): boolean => {
  const opened = Date.parse(openedAt);
  return Number.isFinite(opened) && now.getTime() - opened < STORM_WINDOW_MS;
};

/** The most acknowledgements one address receives in {@link ACKNOWLEDGEMENT_WINDOW_MS}. */
export const MAX_ACKNOWLEDGEMENTS_PER_ADDRESS = 3;
export const ACKNOWLEDGEMENT_WINDOW_MS = 3600 * 1000;

/** The rate-limit window an instant falls in (whole hours since the epoch). */
export const acknowledgementWindow = (now: Date): number =>
  Math.floor(now.getTime() / ACKNOWLEDGEMENT_WINDOW_MS);
