import { findReferencesIn, isComplaintReference } from '../intake/complaint-reference.js';
import type { InboundMail } from './inbound-mail.js';
import { senderDigest } from './sender-digest.js';

// Chinese input methods often produce full-width brackets; customers retype references with them.
const bracketed = /[[【［]\s*([A-Za-z0-9-]+)\s*[\]】］]/g;

/**
 * Case references in a subject: bracketed ones (`[RD-...]`, the form every mail we send carries)
 * first, then bare ones a customer typed, each once, upper-cased. Reply and forward prefixes in
 * any language do not matter because nothing is anchored to the start.
 */
export const referencesInSubject = (subject: string): string[] => {
  const found: string[] = [];
  const add = (reference: string) => {
    if (!found.includes(reference)) found.push(reference);
  };
  for (const match of subject.matchAll(bracketed)) {
    const candidate = match[1]?.toUpperCase();
    if (candidate !== undefined && isComplaintReference(candidate)) add(candidate);
  }
  for (const reference of findReferencesIn(subject)) add(reference);
  return found;
};

export type SubjectPrefix = 'reply' | 'forward';

const prefixWords: Record<string, SubjectPrefix> = {
  re: 'reply',
  aw: 'reply',
  sv: 'reply',
  antw: 'reply',
  回复: 'reply',
  回覆: 'reply',
  答复: 'reply',
  答覆: 'reply',
  fw: 'forward',
  fwd: 'forward',
  wg: 'forward',
  tr: 'forward',
  转发: 'forward',
  轉發: 'forward',
  转寄: 'forward',
  轉寄: 'forward',
};

// `Re[2]:` and `RE(3):` are what some clients write for the n-th reply; full-width colons come from Chinese IMEs.
const prefixPattern = /^\s*([a-z]{2,4}|[\u4e00-\u9fff]{2})\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*/i;

/** Leading reply/forward markers, outermost first, and the subject without them. */
export const subjectPrefixes = (subject: string): { prefixes: SubjectPrefix[]; rest: string } => {
  const prefixes: SubjectPrefix[] = [];
  let rest = subject;
  for (;;) {
    const match = prefixPattern.exec(rest);
    const kind = match?.[1] === undefined ? undefined : prefixWords[match[1].toLowerCase()];
    if (match === null || kind === undefined) break;
    prefixes.push(kind);
    rest = rest.slice(match[0].length);
  }
  return { prefixes, rest: rest.trim() };
};

/** The customer forwarded something (the outermost prefix says so): `Fwd: Re: ...` yes, `Re: Fwd: ...` no. */
export const isForwardedSubject = (subject: string): boolean =>
  subjectPrefixes(subject).prefixes[0] === 'forward';

/**
 * Message ids this mail answers, to look up in the sent-message index: In-Reply-To first, then
 * References newest first (the header lists them oldest first), each once.
 */
export const threadCandidateIds = (mail: Pick<InboundMail, 'inReplyTo' | 'references'>): string[] => {
  const ids: string[] = [];
  for (const id of [...[...mail.inReplyTo].reverse(), ...[...mail.references].reverse()]) {
    if (id !== '' && !ids.includes(id)) ids.push(id);
  }
  return ids;
};

/**
 * The idempotency key of an inbound mail: its Message-ID with a digest of its sender (anyone can
 * write any Message-ID, so another sender's mail reusing one is a different mail), or a digest
 * of the raw bytes when it has none (SES redelivers the same object, so the digest is stable).
 */
export const mailIntakeKey = (mail: Pick<InboundMail, 'messageId' | 'rawSha256' | 'from'>): string => {
  if (mail.messageId !== undefined && mail.messageId !== '')
    return `message-id:${mail.messageId}#from:${senderDigest(mail.from?.address)}`;
  if (mail.rawSha256 !== undefined) return `sha256:${mail.rawSha256}`;
  throw new Error('an inbound mail without a Message-ID needs the digest of its raw bytes');
};
