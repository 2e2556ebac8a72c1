import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { describe, expect, it } from 'vitest';
import { defaultMailParseLimits, parseInboundMail } from '../../shared/adapters/mail/parse-inbound-mail.js';
import {
  MalformedMailError,
  OversizedMailError,
} from '../../shared/domain/mail-intake/mail-intake-errors.js';

const crlf = (text: string) => Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8');

const plain = (headers: string, body = 'Body text.\n') => crlf(`${headers.trim()}\n\n${body}`);

const composed = (options: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    new MailComposer(options).compile().build((error, message) => (error ? reject(error) : resolve(message)));
  });

describe('parsing inbound mail', () => {
  it('gives ids without brackets, addresses lower-cased, and In-Reply-To / References in header order', async () => {
    const mail = await parseInboundMail(
      plain(`
From: "Li, Hua" <LI.Hua@Example.COM>
To: Desk <Complaints@Bank.Example>, other@example.org
Cc: =?UTF-8?B?5byg5pWP?= <Zhang.Min@Example.org>
Subject: Re: test
Message-ID: <Abc.123@Example.com>
In-Reply-To: <first@x.example> (message from the bank)
References: <one@x.example>
 <two@x.example>   <three@x.example>
Date: Fri, 20 Nov 2026 10:02:00 +0800
`),
    );
    expect(mail.messageId).toBe('Abc.123@Example.com');
    expect(mail.from).toEqual({ address: 'li.hua@example.com', name: 'Li, Hua' });
    expect(mail.to).toEqual([
      { address: 'complaints@bank.example', name: 'Desk' },
      { address: 'other@example.org' },
    ]);
    expect(mail.cc).toEqual([{ address: 'zhang.min@example.org', name: '张敏' }]);
    expect(mail.inReplyTo).toEqual(['first@x.example']);
    expect(mail.references).toEqual(['one@x.example', 'two@x.example', 'three@x.example']);
    expect(mail.date).toBe('2026-11-20T02:02:00.000Z');
    expect(mail.contentType).toBe('text/plain');
    expect(mail.text).toBe('Body text.\n');
    expect(mail.html).toBeUndefined();
  });

  it('keeps every header, names lower-cased, values unfolded and decoded, repeats in order', async () => {
    const mail = await parseInboundMail(
      plain(`
Received: from a.example by b.example;
 Fri, 20 Nov 2026 02:00:00 +0000
Received: from c.example by a.example; Fri, 20 Nov 2026 01:59:00 +0000
From: a@example.com
X-Note: =?GBK?B?${Buffer.from([0xcd, 0xb6, 0xcb, 0xdf]).toString('base64')}?= and =?ISO-8859-1?Q?caf=E9?=
Subject: =?UTF-8?B?5oqV6K+J?=
 =?UTF-8?Q?_=E9=80=80=E6=AC=BE?=
`),
    );
    expect(mail.headers.received).toEqual([
      'from a.example by b.example; Fri, 20 Nov 2026 02:00:00 +0000',
      'from c.example by a.example; Fri, 20 Nov 2026 01:59:00 +0000',
    ]);
    expect(mail.headers['x-note']).toEqual(['投诉 and café']);
    expect(mail.subject).toBe('投诉 退款');
    expect(mail.headers.subject).toEqual(['投诉 退款']);
  });

  it('reads unencoded 8-bit subjects as UTF-8, or as GBK from older Chinese clients', async () => {
    const utf8 = await parseInboundMail(plain('From: a@example.com\nSubject: 信用卡被盗刷'));
    expect(utf8.subject).toBe('信用卡被盗刷');
    const raw = Buffer.concat([
      Buffer.from('From: a@example.com\r\nSubject: '),
      Buffer.from([0xd0, 0xc5, 0xd3, 0xc3, 0xbf, 0xa8]),
      Buffer.from('\r\n\r\nbody\r\n'),
    ]);
    expect((await parseInboundMail(raw)).subject).toBe('信用卡');
  });

  it('tells an empty Return-Path (null) from a missing one (undefined) and ignores an unreadable Date', async () => {
    const bounce = await parseInboundMail(plain('Return-Path: <>\nFrom: MAILER-DAEMON\nDate: yesterday-ish'));
    expect(bounce.returnPath).toBeNull();
    expect(bounce.from).toEqual({ address: 'mailer-daemon' });
    expect(bounce.date).toBeUndefined();
    const normal = await parseInboundMail(plain('From: a@example.com'));
    expect(normal.returnPath).toBeUndefined();
    const given = await parseInboundMail(plain('Return-Path: <Li.Hua@Example.com>\nFrom: a@example.com'));
    expect(given.returnPath).toBe('li.hua@example.com');
  });

  it('keeps HTML-only mail as HTML with no text part, for the rules to convert', async () => {
    const mail = await parseInboundMail(
      plain('From: a@example.com\nContent-Type: text/HTML; charset=utf-8', '<p>Hello <b>bank</b></p>\n'),
    );
    expect(mail.contentType).toBe('text/html');
    expect(mail.text).toBeUndefined();
    expect(mail.html).toContain('<p>Hello <b>bank</b></p>');
  });

  it('decodes attachment names and keeps their bytes', async () => {
    const raw = await composed({
      from: 'li.hua@example.com',
      to: 'complaints@bank.example',
      subject: '交易流水',
      text: '附件是交易流水。',
      attachments: [
        { filename: '交易流水 11月.pdf', content: Buffer.from('%PDF-1.4 x'), contentType: 'application/pdf' },
      ],
    });
    const mail = await parseInboundMail(raw);
    expect(mail.subject).toBe('交易流水');
    expect(mail.text?.trim()).toBe('附件是交易流水。');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({
      filename: '交易流水 11月.pdf',
      contentType: 'application/pdf',
      size: 10,
    });
    expect(Buffer.from(mail.attachments[0]?.content ?? []).toString()).toBe('%PDF-1.4 x');
  });

  it('records the raw size and a digest that changes with any byte', async () => {
    const raw = plain('From: a@example.com');
    const mail = await parseInboundMail(raw);
    expect(mail.rawSize).toBe(raw.byteLength);
    expect(mail.rawSha256).toMatch(/^[0-9a-f]{64}$/);
    const changed = await parseInboundMail(plain('From: a@example.com', 'Body text!\n'));
    expect(changed.rawSha256).not.toBe(mail.rawSha256);
  });

  it('refuses mail above the size limit before parsing it, 25 MB unless told otherwise', async () => {
    expect(defaultMailParseLimits.maxBytes).toBe(25 * 1024 * 1024);
    const raw = plain('From: a@example.com', `${'x'.repeat(2000)}\n`);
    const failure = parseInboundMail(raw, { maxBytes: 1000 });
    await expect(failure).rejects.toBeInstanceOf(OversizedMailError);
    await expect(failure).rejects.toMatchObject({
      code: 'oversized_mail',
      size: raw.byteLength,
      limit: 1000,
    });
    const huge = new Uint8Array(defaultMailParseLimits.maxBytes + 1);
    await expect(parseInboundMail(huge)).rejects.toBeInstanceOf(OversizedMailError);
  });

  it('refuses bytes that are not a mail, naming why', async () => {
    const cases: [Uint8Array, string][] = [
      [new Uint8Array(0), 'no header section'],
      [crlf('just some words\nand more words\n'), 'no header section'],
      [crlf('Subject: probe\n\n   \n'), 'no From and no body'],
    ];
    for (const [raw, reason] of cases) {
      const failure = parseInboundMail(raw);
      await expect(failure).rejects.toBeInstanceOf(MalformedMailError);
      await expect(failure).rejects.toMatchObject({ reason });
    }
  });

  it('turns a parser failure (too many parts) into a MalformedMailError', async () => {
    const parts = Array.from(
      { length: 5 },
      (_, index) => `--b\nContent-Type: text/plain\n\npart ${index}\n`,
    ).join('');
    const raw = plain('From: a@example.com\nContent-Type: multipart/mixed; boundary="b"', `${parts}--b--\n`);
    const failure = parseInboundMail(raw, { maxParts: 3 });
    await expect(failure).rejects.toBeInstanceOf(MalformedMailError);
    await expect(failure).rejects.toMatchObject({
      reason: expect.stringMatching(/^MIME could not be parsed: /),
    });
  });
});
