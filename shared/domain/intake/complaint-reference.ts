import { z } from 'zod';

/**
 * Complaint references like `RD-20261123-7K3QX9`: the receipt date in the bank's zone and six
 * random characters from an alphabet without look-alikes (no 0/O, 1/I/L, U). About 729 million
 * combinations a day, so collisions are rare and a conditional write catches the rest; no
 * central counter, no hot item.
 *
 * The one definition of a reference: the generator, every validator (API, queue messages, the
 * SLA workflow, the status page) and the mail threading all derive from the alphabet below.
 */
export const complaintReferenceAlphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX = 'RD';
const SUFFIX_LENGTH = 6;

/** Unanchored, so the same shape can be anchored for validation or searched for in text. */
const referenceShape = `${PREFIX}-\\d{8}-[${complaintReferenceAlphabet}]{${SUFFIX_LENGTH}}`;

export const complaintReferencePattern = new RegExp(`^${referenceShape}$`);

export const complaintReferenceSchema = z
  .string()
  .regex(complaintReferencePattern, 'must be a complaint reference such as RD-20261123-7K3QX9');

export const isComplaintReference = (value: string): boolean => complaintReferencePattern.test(value);

const localDateDigits = (at: Date, timeZone: string): string => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}`;
};

/** `randomBytes` is injected so the function stays pure and testable. */
export const newComplaintReference = (
  at: Date,
  timeZone: string,
  randomBytes: (count: number) => Uint8Array,
): string => {
  const alphabet = complaintReferenceAlphabet;
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % alphabet.length);
  let suffix = '';
  while (suffix.length < SUFFIX_LENGTH) {
    for (const byte of randomBytes(SUFFIX_LENGTH * 2)) {
      if (byte < limit && suffix.length < SUFFIX_LENGTH) suffix += alphabet[byte % alphabet.length];
    }
  }
  return `${PREFIX}-${localDateDigits(at, timeZone)}-${suffix}`;
};

// Customers retype references in lower case; one glued into a longer word is not a reference.
const referenceInText = new RegExp(`(?<![A-Z0-9-])(${referenceShape})(?![A-Z0-9])`, 'gi');

/** Every reference in free text (a subject, a letter), in order of appearance, upper-cased, each once. */
export const findReferencesIn = (text: string): string[] => {
  const found: string[] = [];
  for (const match of text.matchAll(referenceInText)) {
    const reference = match[1]?.toUpperCase();
    if (reference !== undefined && !found.includes(reference)) found.push(reference);
  }
  return found;
};
