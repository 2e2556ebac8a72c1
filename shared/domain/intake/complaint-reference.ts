/**
 * Complaint references like `RD-20261123-7K3QX9`: the receipt date in the bank's zone and six
 * random characters from an alphabet without look-alikes (no 0/O, 1/I/L, U). About 887 million
 * combinations a day, so collisions are rare and a conditional write catches the rest; no
 * central counter, no hot item.
 */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const SUFFIX_LENGTH = 6;

export const referencePattern = /^RD-\d{8}-[2-9A-HJKMNP-TV-Z]{6}$/;

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
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % ALPHABET.length);
  let suffix = '';
  while (suffix.length < SUFFIX_LENGTH) {
    for (const byte of randomBytes(SUFFIX_LENGTH * 2)) {
      if (byte < limit && suffix.length < SUFFIX_LENGTH) suffix += ALPHABET[byte % ALPHABET.length];
    }
  }
  return `RD-${localDateDigits(at, timeZone)}-${suffix}`;
};

export const isComplaintReference = (value: string): boolean => referencePattern.test(value);
