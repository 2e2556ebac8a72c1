import { createHash } from 'node:crypto';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import type {
  InboundAddress,
  InboundAttachment,
  InboundMail,
} from '../../domain/mail-intake/inbound-mail.js';
import { MalformedMailError, OversizedMailError } from '../../domain/mail-intake/mail-intake-errors.js';
import { decodeEncodedWords, decodeRawHeaderBytes, parseHeaderParameters } from './mime-words.js';

export interface MailParseLimits {
  /** Largest raw mail parsed, in bytes. SES accepts up to 40 MB; we stop well before the function's memory. */
  maxBytes: number;
  /** Largest header block of one MIME part. */
  maxHeaderBytes: number;
  /** Most MIME parts in one mail. */
  maxParts: number;
}

export const defaultMailParseLimits: MailParseLimits = {
  maxBytes: 25 * 1024 * 1024,
  maxHeaderBytes: 1024 * 1024,
  maxParts: 500,
};

/** RFC 5322 field names: printable ASCII except the colon. */
const fieldName = /^[!-9;-~]+$/;

const unfold = (line: string): string => line.replace(/\r?\n(?=[ \t])/g, '');

/**
 * Field names are the sender's choice (`Constructor:`, `__proto__:`), so they are collected in a
 * Map and become own keys of the record, never lookups on Object.prototype.
 */
const headerRecord = (parsed: ParsedMail): Record<string, string[]> => {
  const headers = new Map<string, string[]>();
  for (const { key, line } of parsed.headerLines) {
    if (!fieldName.test(key)) continue;
    const unfolded = unfold(line);
    const value = decodeEncodedWords(decodeRawHeaderBytes(unfolded.slice(unfolded.indexOf(':') + 1))).trim();
    headers.set(key, [...(headers.get(key) ?? []), value]);
  }
  return Object.fromEntries(headers);
};

const toAddresses = (field: AddressObject | AddressObject[] | undefined): InboundAddress[] => {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const addresses: InboundAddress[] = [];
  for (const entry of objects.flatMap((object) => object.value)) {
    for (const mailbox of entry.group ?? [entry]) {
      // `From: MAILER-DAEMON` has no @ and parses as a name; it is the address all the same.
      const address =
        (mailbox.address ?? '').trim() ||
        (/^[^\s@<>"]+(@[^\s@<>"]+)?$/.test(mailbox.name) ? mailbox.name : '');
      if (address === '') continue;
      const inbound: InboundAddress = { address: address.toLowerCase() };
      if (mailbox.name !== '' && mailbox.name !== address) inbound.name = mailbox.name;
      addresses.push(inbound);
    }
  }
  return addresses;
};

/** Message ids from In-Reply-To / References / Message-ID, without brackets, in header order. */
const messageIds = (values: readonly string[]): string[] => {
  const ids: string[] = [];
  for (const value of values) {
    const bracketed = [...value.matchAll(/<([^<>\s]+)>/g)].map((match) => match[1] ?? '');
    const found =
      bracketed.length > 0 ? bracketed : value.split(/\s+/).filter((token) => token.includes('@'));
    for (const id of found) if (id !== '' && !ids.includes(id)) ids.push(id);
  }
  return ids;
};

const returnPathOf = (values: readonly string[]): string | null | undefined => {
  const first = values[0];
  if (first === undefined) return undefined;
  const inner = /<([^>]*)>/.exec(first)?.[1] ?? first;
  const address = inner.trim().toLowerCase();
  return address === '' ? null : address;
};

const dateOf = (values: readonly string[]): string | undefined => {
  const first = values[0];
  if (first === undefined) return undefined;
  // mailparser substitutes the current time for an unreadable Date; we would rather have none.
  const parsed = new Date(first.replace(/\s*\([^)]*\)\s*$/, ''));
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
};

const toAttachments = (parsed: ParsedMail): InboundAttachment[] =>
  parsed.attachments.map((attachment) => {
    const inbound: InboundAttachment = {
      contentType: attachment.contentType.toLowerCase(),
      size: attachment.content.length,
      content: new Uint8Array(attachment.content),
    };
    if (attachment.filename !== undefined && attachment.filename !== '')
      inbound.filename = attachment.filename;
    return inbound;
  });

const parseMime = async (raw: Uint8Array, limits: MailParseLimits): Promise<ParsedMail> => {
  try {
    return await simpleParser(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), {
      // The rules turn HTML into text themselves and must know whether a real text part existed.
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipImageLinks: true,
      keepCidLinks: true,
      // Bounces are recognised by their message/delivery-status part.
      keepDeliveryStatus: true,
      maxHeadSize: limits.maxHeaderBytes,
      maxChildNodes: limits.maxParts,
    });
  } catch (error) {
    throw new MalformedMailError(
      `MIME could not be parsed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
};

/**
 * Raw MIME (as SES stores it in S3) to the gateway's view of the mail. Throws
 * `OversizedMailError` above `limits.maxBytes` and `MalformedMailError` when the bytes are not
 * a mail at all: no header lines, or neither a From nor any body.
 */
export const parseInboundMail = async (
  raw: Uint8Array,
  limits: Partial<MailParseLimits> = {},
): Promise<InboundMail> => {
  const effective: MailParseLimits = { ...defaultMailParseLimits, ...limits };
  if (raw.byteLength > effective.maxBytes) throw new OversizedMailError(raw.byteLength, effective.maxBytes);

  const parsed = await parseMime(raw, effective);
  const lines = parsed.headerLines;
  const headerCount = lines.filter((line) => fieldName.test(line.key)).length;
  // mailparser reads any first lines as headers; lines without a field name mean it was not a header block.
  if (headerCount === 0 || headerCount < lines.length - headerCount) {
    throw new MalformedMailError('no header section');
  }

  const headers = headerRecord(parsed);
  const from = toAddresses(parsed.from)[0];
  // With HTML-to-text off, mailparser reports an HTML-only mail's text as ''; that is no text part.
  const text = parsed.text === undefined || parsed.text.trim() === '' ? undefined : parsed.text;
  const html = typeof parsed.html === 'string' ? parsed.html : undefined;
  const attachments = toAttachments(parsed);
  const hasBody = text !== undefined || (html ?? '').trim() !== '' || attachments.length > 0;
  if (from === undefined && !hasBody) throw new MalformedMailError('no From and no body');

  const mail: InboundMail = {
    inReplyTo: messageIds(headers['in-reply-to'] ?? []),
    references: messageIds(headers.references ?? []),
    returnPath: returnPathOf(headers['return-path'] ?? []),
    to: toAddresses(parsed.to),
    cc: toAddresses(parsed.cc),
    subject: headers.subject?.[0] ?? '',
    headers,
    contentType: parseHeaderParameters(headers['content-type']?.[0] ?? '').value || 'text/plain',
    attachments,
    rawSize: raw.byteLength,
    rawSha256: createHash('sha256').update(raw).digest('hex'),
  };
  const messageId = messageIds(headers['message-id'] ?? [])[0];
  if (messageId !== undefined) mail.messageId = messageId;
  if (from !== undefined) mail.from = from;
  const date = dateOf(headers.date ?? []);
  if (date !== undefined) mail.date = date;
  if (text !== undefined) mail.text = text;
  if (html !== undefined) mail.html = html;
  return mail;
};
