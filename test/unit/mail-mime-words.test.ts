import { describe, expect, it } from 'vitest';
import {
  decodeEncodedWords,
  decodeRawHeaderBytes,
  parseHeaderParameters,
} from '../../shared/adapters/mail/mime-words.js';
import { parseInboundMail } from '../../shared/adapters/mail/parse-inbound-mail.js';

/** Bytes written as hex, so each test shows exactly what the client sent. */
const base64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');
const percent = (hex: string) => hex.replace(/../g, (pair) => `%${pair.toUpperCase()}`);

describe('encoded words in headers', () => {
  it('decodes GBK and GB18030 words, including a four-byte GB18030 character', () => {
    expect(decodeEncodedWords(`=?GBK?B?${base64('cdb6cbdf')}?=`)).toBe('投诉');
    expect(decodeEncodedWords(`=?gb18030?B?${base64('9534b235cfe9b3accad0')}?=`)).toBe('𠮷祥超市');
    expect(decodeEncodedWords(`=?GB2312?Q?=CD=B6=CB=DF?=`)).toBe('投诉');
  });

  it('decodes UTF-8 in base64 and in quoted-printable, underscores as spaces', () => {
    expect(decodeEncodedWords('=?UTF-8?B?5oqV6K+J?=')).toBe('投诉');
    expect(decodeEncodedWords('=?utf-8?q?=E6=8A=95=E8=AF=89_=E9=80=80=E6=AC=BE?=')).toBe('投诉 退款');
  });

  it('joins adjacent words, also when a character is split between them, and keeps plain text around them', () => {
    // 投 is e6 8a 95: the first word ends after two of its three bytes.
    expect(decodeEncodedWords('=?UTF-8?Q?=E6=8A?= =?UTF-8?Q?=95=E8=AF=89?=')).toBe('投诉');
    expect(decodeEncodedWords(`=?UTF-8?B?${base64('e68a')}?=\t=?UTF-8?B?${base64('95e8af89')}?=`)).toBe(
      '投诉',
    );
    expect(decodeEncodedWords('Re: =?UTF-8?B?5oqV6K+J?= (card 5521)')).toBe('Re: 投诉 (card 5521)');
    expect(decodeEncodedWords(`=?GBK?B?${base64('cdb6cbdf')}?= and =?ISO-8859-1?Q?caf=E9?=`)).toBe(
      '投诉 and café',
    );
  });

  it('leaves malformed words and ordinary text as they are', () => {
    for (const text of [
      '=?UTF-8?Q?=E6=8A=95',
      '=?UTF-8?X?abc?=',
      'price =? unknown ?=',
      'Complaint about fees',
    ]) {
      expect(decodeEncodedWords(text)).toBe(text);
    }
  });

  it('reads raw 8-bit header bytes as UTF-8, or as GBK when they are not UTF-8', () => {
    expect(decodeRawHeaderBytes(Buffer.from('e68a95e8af89', 'hex').toString('latin1'))).toBe('投诉');
    expect(decodeRawHeaderBytes(Buffer.from('cdb6cbdf', 'hex').toString('latin1'))).toBe('投诉');
    expect(decodeRawHeaderBytes('plain ascii')).toBe('plain ascii');
  });
});

describe('header parameters', () => {
  it('reassembles an RFC 2231 filename from continuations and decodes it in its charset', () => {
    const [first, second] = [percent('d5cbb5a5'), `${percent('20')}11${percent('d4c2')}.pdf`];
    const header = `attachment; filename*0*=gb18030'zh-cn'${first};\r\n filename*1*=${second}; size=13`;
    expect(parseHeaderParameters(header)).toEqual({
      value: 'attachment',
      params: { filename: '账单 11月.pdf', size: '13' },
    });
  });

  it('decodes a UTF-8 RFC 2231 value and prefers it to the plain fallback', () => {
    const header = `Attachment; filename="statement.pdf"; filename*=UTF-8''${percent('e4baa4e69893')}.pdf`;
    expect(parseHeaderParameters(header)).toEqual({ value: 'attachment', params: { filename: '交易.pdf' } });
  });

  it('decodes encoded words that clients put inside quoted values, and lower-cases the type', () => {
    expect(parseHeaderParameters(`Text/HTML; charset="utf-8"; name="=?UTF-8?B?5oqV6K+J?=.pdf"`)).toEqual({
      value: 'text/html',
      params: { charset: 'utf-8', name: '投诉.pdf' },
    });
    expect(parseHeaderParameters('multipart/mixed (sent by a phone); boundary=b').value).toBe(
      'multipart/mixed',
    );
  });

  it('gives attachments their RFC 2231 names when the mail is parsed', async () => {
    const raw = Buffer.from(
      [
        'From: wang.fang@example.com',
        'Subject: =?GBK?B?zbbL3w==?=',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'See the statement.',
        '--b',
        'Content-Type: application/pdf',
        `Content-Disposition: attachment; filename*0*=gb18030''${percent('bdbbd2d7')};`,
        ` filename*1*=${percent('c1f7cbae')}.pdf`,
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('%PDF-1.4 x').toString('base64'),
        '--b--',
        '',
      ].join('\r\n'),
    );
    const mail = await parseInboundMail(raw);
    expect(mail.subject).toBe('投诉');
    expect(mail.contentType).toBe('multipart/mixed');
    expect(mail.attachments.map((attachment) => attachment.filename)).toEqual(['交易流水.pdf']);
  });
});
