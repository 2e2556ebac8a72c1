import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInboundMail } from '../../shared/adapters/mail/parse-inbound-mail.js';
import { checkAttachments } from '../../shared/domain/mail-intake/check-attachments.js';
import { classifyInbound } from '../../shared/domain/mail-intake/classify-inbound.js';
import { decideInbound, type ThreadedCase } from '../../shared/domain/mail-intake/decide-inbound.js';
import { detectLanguage } from '../../shared/domain/mail-intake/detect-language.js';
import type { InboundMail } from '../../shared/domain/mail-intake/inbound-mail.js';
import { MalformedMailError } from '../../shared/domain/mail-intake/mail-intake-errors.js';
import {
  mailIntakeKey,
  referencesInSubject,
  threadCandidateIds,
} from '../../shared/domain/mail-intake/mail-threading.js';
import { mailVerdicts } from '../../shared/domain/mail-intake/mail-verdicts.js';
import { messageText } from '../../shared/domain/mail-intake/message-text.js';
import {
  type CorpusEntry,
  corpus,
  defaultVerdicts,
  knownCases,
  ourAddresses,
  sentMessages,
} from '../fixtures/mail/corpus.js';

const fixtureDir = new URL('../fixtures/mail/', import.meta.url);
const readFixture = (file: string): Buffer => readFileSync(new URL(file, fixtureDir));

const caseByReference = (reference: string): ThreadedCase | undefined =>
  knownCases.find((known) => known.reference === reference);

/** What the gateway does around the rules: look the subject's references and the replied-to ids up. */
const decide = (mail: InboundMail) => {
  const classification = classifyInbound(mail, ourAddresses);
  const verdicts = mailVerdicts(mail);
  const subjectCase = referencesInSubject(mail.subject)
    .map(caseByReference)
    .find((found) => found !== undefined);
  const repliedCase = threadCandidateIds(mail)
    .map((id) => sentMessages[id.toLowerCase()])
    .map((reference) => (reference === undefined ? undefined : caseByReference(reference)))
    .find((found) => found !== undefined);
  return { verdicts, decision: decideInbound({ mail, classification, verdicts, subjectCase, repliedCase }) };
};

const mails = corpus.filter((entry) => entry.malformed === undefined);
const malformed = corpus.filter((entry) => entry.malformed !== undefined);
const name = (entry: CorpusEntry) => `${entry.file}: ${entry.shape}`;

describe('the e-mail corpus', () => {
  it('lists every fixture file, and only files that exist', () => {
    const files = readdirSync(fixtureDir).filter((file) => file.endsWith('.eml'));
    expect([...files].sort()).toEqual(corpus.map((entry) => entry.file).sort());
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(mails.map((entry) => [name(entry), entry] as const))('%s', async (_name, entry) => {
    const mail = await parseInboundMail(readFixture(entry.file));
    const { verdicts, decision } = decide(mail);

    expect(decision).toEqual(entry.decision);
    expect(verdicts).toEqual(entry.verdicts ?? defaultVerdicts);
    if (entry.subject !== undefined) expect(mail.subject).toBe(entry.subject);
    if (entry.from !== undefined) expect(mail.from?.address).toBe(entry.from);
    if (entry.messageId === null) expect(mail.messageId).toBeUndefined();
    else if (entry.messageId !== undefined) expect(mail.messageId).toBe(entry.messageId);

    const text = messageText(mail);
    expect(text.trim()).not.toBe('');
    expect(detectLanguage(`${mail.subject}\n${text}`)).toBe(entry.language);
    for (const wanted of entry.textIncludes ?? []) expect(text).toContain(wanted);
    for (const unwanted of entry.textExcludes ?? []) expect(text).not.toContain(unwanted);

    const { accepted, refused } = checkAttachments(mail.attachments);
    const expected = entry.attachments ?? { accepted: 0, refused: [] };
    expect(accepted).toHaveLength(expected.accepted);
    expect(refused.map((refusal) => refusal.reason)).toEqual(expected.refused);
  });

  it.each(malformed.map((entry) => [name(entry), entry] as const))('%s is refused', async (_name, entry) => {
    const failure = parseInboundMail(readFixture(entry.file));
    await expect(failure).rejects.toBeInstanceOf(MalformedMailError);
    await expect(failure).rejects.toMatchObject({ code: 'malformed_mail', reason: entry.malformed });
  });

  it('keys each mail by its Message-ID, and a mail without one by a digest that a redelivery repeats', async () => {
    const withId = await parseInboundMail(readFixture('gmail-new-complaint.eml'));
    expect(mailIntakeKey(withId)).toMatch(
      /^message-id:CAH8uR3m5kQ2vT9wX1yZ4aB7cD0eF3gH6iJ9kL2mN5oP8qR1sT4@mail\.example\.com#from:[0-9a-f]{64}$/,
    );

    const first = await parseInboundMail(readFixture('missing-message-id.eml'));
    const again = await parseInboundMail(readFixture('missing-message-id.eml'));
    expect(mailIntakeKey(first)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(mailIntakeKey(again)).toBe(mailIntakeKey(first));
  });

  it('keeps the refused attachments named, so the case can say what was not stored', async () => {
    const mail = await parseInboundMail(readFixture('attachment-double-extension.eml'));
    const { accepted, refused } = checkAttachments(mail.attachments);
    expect(accepted.map((attachment) => attachment.filename)).toEqual(['contract.pdf']);
    expect(refused).toEqual([
      {
        filename: 'invoice.pdf.exe',
        contentType: 'application/pdf',
        size: expect.any(Number),
        reason: 'executable',
      },
      {
        filename: 'update.bin',
        contentType: 'application/x-msdownload',
        size: expect.any(Number),
        reason: 'executable',
      },
    ]);
  });

  it('delivers attachment bytes unchanged', async () => {
    const mail = await parseInboundMail(readFixture('attachments-pdf-jpg.eml'));
    const [pdf, jpg] = mail.attachments;
    expect(pdf?.filename).toBe('statement-november.pdf');
    expect(pdf?.contentType).toBe('application/pdf');
    expect(Buffer.from(pdf?.content ?? []).toString('latin1')).toMatch(/^%PDF-1\.4\n[\s\S]*%%EOF\n$/);
    expect(jpg?.contentType).toBe('image/jpeg');
    expect([...(jpg?.content.subarray(0, 3) ?? [])]).toEqual([0xff, 0xd8, 0xff]);
    expect(jpg?.size).toBe(jpg?.content.byteLength);
  });
});
