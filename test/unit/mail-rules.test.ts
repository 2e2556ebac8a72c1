import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkAttachments,
  defaultAttachmentLimits,
  effectiveExtension,
} from '../../shared/domain/mail-intake/check-attachments.js';
import { classifyInbound } from '../../shared/domain/mail-intake/classify-inbound.js';
import { decideInbound, type ThreadedCase } from '../../shared/domain/mail-intake/decide-inbound.js';
import { chineseShareThreshold, detectLanguage } from '../../shared/domain/mail-intake/detect-language.js';
import { htmlToText } from '../../shared/domain/mail-intake/html-to-text.js';
import type { InboundAttachment, InboundMail } from '../../shared/domain/mail-intake/inbound-mail.js';
import {
  isForwardedSubject,
  mailIntakeKey,
  referencesInSubject,
  subjectPrefixes,
  threadCandidateIds,
} from '../../shared/domain/mail-intake/mail-threading.js';
import { type MailVerdicts, mailVerdicts } from '../../shared/domain/mail-intake/mail-verdicts.js';
import { messageText, stripQuotedHistory } from '../../shared/domain/mail-intake/message-text.js';

const ours = ['complaints@bank.example', 'complaints-noreply@bank.example'];

const mail = (overrides: Partial<InboundMail> = {}): InboundMail => ({
  messageId: 'a1@example.com',
  inReplyTo: [],
  references: [],
  from: { address: 'li.hua@example.com' },
  returnPath: 'li.hua@example.com',
  to: [{ address: 'complaints@bank.example' }],
  cc: [],
  subject: 'Card charged twice',
  headers: {},
  contentType: 'text/plain',
  text: 'My card was charged twice.',
  attachments: [],
  ...overrides,
});

const liHuasCase: ThreadedCase = {
  reference: 'RD-20261101-7K3QX9',
  customerEmail: 'li.hua@example.com',
  status: 'in_progress',
};
const jamesCase: ThreadedCase = {
  reference: 'RD-20261105-M4PT8W',
  customerEmail: 'james.whitfield@example.org',
  status: 'registered',
};
const passing: MailVerdicts = { spam: 'pass', virus: 'pass', spf: 'pass', dkim: 'pass', dmarc: 'pass' };

const strip = (text: string, forwarded = false) => stripQuotedHistory(text, { forwarded });

describe('stripping quoted history', () => {
  it('keeps what the customer wrote between and below quoted lines (inline replies)', () => {
    const text = [
      'On Fri, 20 Nov 2026 at 09:14, Complaints Desk <complaints-noreply@bank.example> wrote:',
      '> When did you notice the charge?',
      'On the 3rd, in the app.',
      '> Was the card with you?',
      'Yes, in my wallet.',
    ].join('\n');
    expect(strip(text)).toBe('On the 3rd, in the app.\nYes, in my wallet.');
  });

  it('cuts everything after an attribution with an address that no quotes follow', () => {
    const text =
      'Thanks.\n\nOn 20 Nov 2026, at 09:14, Desk <complaints@bank.example> wrote:\n\nDear customer,\nWe wrote.';
    expect(strip(text)).toBe('Thanks.');
  });

  it("keeps a customer's own sentence ending in 'wrote:' when no address or quote marks it as history", () => {
    const text =
      'On 5 Nov at 10:30 your branch manager wrote:\nwe will refund the fee within a week.\nNothing came.';
    expect(strip(text)).toBe(text);
  });

  it('cuts at the Outlook header block and the rule drawn above it, in English and Chinese', () => {
    const english =
      'See above.\n\n________________________________\nFrom: Desk <d@bank.example>\nSent: 20 November\nTo: Me\nSubject: x\n\nOld text';
    expect(strip(english)).toBe('See above.');
    const chinese =
      '请处理。\n\n发件人: 投诉服务中心\n发送时间: 2026年11月20日 9:14\n收件人: 李华\n主题: 受理\n\n旧内容';
    expect(strip(chinese)).toBe('请处理。');
    const traditional = '請處理。\n寄件者: 客服\n寄件日期: 2026年11月20日\n收件者: 陳美玲\n主旨: 回覆';
    expect(strip(traditional)).toBe('請處理。');
  });

  it('cuts at -----Original Message----- and at the Foxmail/QQ 原始邮件 separator', () => {
    expect(strip('Not fixed.\n-----Original Message-----\nFrom: Desk\nResolved.')).toBe('Not fixed.');
    expect(strip('没收到。\n------------------ 原始邮件 ------------------\n发件人: 客服')).toBe('没收到。');
    expect(strip('Still waiting.\n------------------ Original ------------------\nFrom: Desk')).toBe(
      'Still waiting.',
    );
  });

  it('recognises Chinese Gmail and Apple Mail attributions, also when wrapped over two lines', () => {
    expect(
      strip(
        '好的。\n\n在 2026年11月20日周五 10:02，投诉服务中心 <complaints@bank.example> 写道：\n\n> 请补充材料',
      ),
    ).toBe('好的。');
    expect(strip('收到。\n2026年11月20日 10:02，投诉服务中心 <complaints@bank.example> 写道：\n> 旧')).toBe(
      '收到。',
    );
    expect(
      strip(
        'Fine.\n\nOn Fri, 20 Nov 2026 at 10:02 Complaints Desk <\ncomplaints@bank.example> wrote:\n\n> Old',
      ),
    ).toBe('Fine.');
  });

  it('drops phone signatures only when they stand on a line of their own', () => {
    expect(strip('Call me.\n\nSent from my iPhone')).toBe('Call me.');
    expect(strip('请回电。\n\n发自我的iPhone')).toBe('请回电。');
    expect(strip('Photos attached.\nGet Outlook for Android')).toBe('Photos attached.');
    const sentence = 'The fraud alert was sent from my iPhone banking app to the wrong number.';
    expect(strip(sentence)).toBe(sentence);
  });

  it('keeps forwarded content whole, including what looks like reply history inside it', () => {
    const text = [
      'Evidence below.',
      '',
      '---------- Forwarded message ---------',
      'From: Shop <shop@example.com>',
      'Date: Mon, 2 Nov 2026',
      'Subject: Refund',
      'To: <me@example.com>',
      '',
      'Refunded GBP 10.',
      '> quoted line in the merchant mail',
    ].join('\n');
    expect(strip(text)).toBe(text);
    // A Fwd: subject makes the first header block the forwarded mail, not history.
    expect(strip('FYI\nFrom: Alerts <a@bank.example>\nSent: today\nTo: me\n\nPaid EUR 950', true)).toContain(
      'Paid EUR 950',
    );
  });

  it('ignores a forward marker buried in the history of a reply', () => {
    const text = 'New info.\n-----Original Message-----\nOld\n---------- Forwarded message ---------\nOlder';
    expect(strip(text)).toBe('New info.');
  });

  it('keeps the whole text when stripping would leave nothing (a letter that opens with its own headers)', () => {
    const letter =
      'From: Li Hua\nDate: 20 November 2026\nTo: The Bank\nSubject: Complaint\n\nMy card was charged twice.';
    expect(strip(letter)).toBe(letter);
  });

  it("never loses a customer's own lines above an Outlook history block (property)", () => {
    const words = [
      'card',
      'refund',
      'fee',
      '转账',
      '退款',
      '网点',
      'ATM',
      '5000元',
      'GBP 12.50',
      'please',
      '请尽快',
    ];
    const line = fc
      .array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 })
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (own) => {
        const history = '\nFrom: Desk <d@bank.example>\nSent: 20 Nov 2026\nTo: x\nSubject: y\n\nold';
        expect(strip(`${own.join('\n')}\n${history}`)).toBe(own.join('\n').trim());
      }),
    );
  });
});

describe('HTML to text', () => {
  it('turns blocks, breaks and lists into lines and drops what a reader never sees', () => {
    const html =
      '<head><style>p{color:red}</style><title>t</title></head><body><script>alert(1)</script>' +
      '<p>Line one<br>Line two</p><ul><li>a</li><li>b<ol><li>nested</li></ol></li></ul>' +
      '<div>Fee &euro;5 &amp; more &#x4E2D;&#25991; &lt;ok&gt; AT&T</div><!-- hidden --></body>';
    expect(htmlToText(html)).toBe(
      'Line one\nLine two\n\n- a\n- b\n  1. nested\n\nFee €5 & more 中文 <ok> AT&T',
    );
  });

  it('marks blockquotes as quoted lines, so HTML reply history is stripped like plain text', () => {
    const html =
      '<div>Answer</div><div>On Fri, 20 Nov 2026 at 09:14, Desk &lt;d@bank.example&gt; wrote:</div>' +
      '<blockquote type="cite"><div>Question?</div><blockquote>Older</blockquote></blockquote><div>More answer</div>';
    expect(htmlToText(html)).toContain('> Question?\n> > Older');
    expect(messageText({ subject: 'Re: x', html })).toBe('Answer\nMore answer');
  });

  it('keeps preformatted text as it is and puts table cells side by side', () => {
    expect(htmlToText('<pre>a   b\n  c</pre>')).toBe('a   b\n  c');
    expect(
      htmlToText('<table><tr><td>Date</td><td>Amount</td></tr><tr><td>1/11</td><td>9</td></tr></table>'),
    ).toBe('Date  Amount\n1/11  9');
  });

  it('uses the HTML when the text part is empty', () => {
    expect(messageText({ subject: 'x', text: '  \n', html: '<p>Real words</p>' })).toBe('Real words');
  });
});

describe('references in the subject', () => {
  it('finds bracketed references first, then bare ones, each once and upper-cased', () => {
    expect(
      referencesInSubject('RD-20261105-M4PT8W about [RD-20261101-7K3QX9] and [rd-20261105-m4pt8w]'),
    ).toEqual(['RD-20261101-7K3QX9', 'RD-20261105-M4PT8W']);
  });

  it('reads references behind reply and forward prefixes in several languages and in full-width brackets', () => {
    for (const subject of [
      'Re: [RD-20261101-7K3QX9] x',
      '回复：[RD-20261101-7K3QX9] x',
      '答复: [RD-20261101-7K3QX9]',
      'Fwd: RE: [RD-20261101-7K3QX9]',
      '转发: 【RD-20261101-7K3QX9】 您的投诉',
      'complaint RD-20261101-7K3QX9',
    ]) {
      expect(referencesInSubject(subject)).toEqual(['RD-20261101-7K3QX9']);
    }
  });

  it('ignores look-alikes outside the reference alphabet and references glued into other words', () => {
    expect(referencesInSubject('[RD-20261101-7K3QX0] [RD-20261101-OK3QX9] RD-2026110-7K3QX9')).toEqual([]);
    expect(referencesInSubject('XRD-20261101-7K3QX9 RD-20261101-7K3QX9A')).toEqual([]);
  });

  it('tells a forward from a reply by the outermost prefix', () => {
    expect(isForwardedSubject('Fwd: Re: refund')).toBe(true);
    expect(isForwardedSubject('转发：回复：退款')).toBe(true);
    expect(isForwardedSubject('FW: alert')).toBe(true);
    expect(isForwardedSubject('Re: Fwd: refund')).toBe(false);
    expect(isForwardedSubject('Forwarding fees are too high')).toBe(false);
    expect(subjectPrefixes('RE[2]: 答复：Fwd: 账单')).toEqual({
      prefixes: ['reply', 'reply', 'forward'],
      rest: '账单',
    });
  });
});

describe('thread candidates and intake keys', () => {
  it('lists In-Reply-To first, then References newest first, each once', () => {
    const candidates = threadCandidateIds(mail({ inReplyTo: ['c@x'], references: ['a@x', 'b@x', 'c@x'] }));
    expect(candidates).toEqual(['c@x', 'b@x', 'a@x']);
  });

  it('keys by Message-ID and sender, else by the raw digest', () => {
    const fromA = mailIntakeKey({ messageId: 'm@x', rawSha256: 'ab', from: { address: 'a@example.com' } });
    expect(fromA).toMatch(/^message-id:m@x#from:[0-9a-f]{64}$/);
    expect(fromA).not.toContain('a@example.com');
    // The same sender written differently is the same sender; another sender is another mail.
    expect(mailIntakeKey({ messageId: 'm@x', from: { address: ' A@Example.com ' } })).toBe(fromA);
    expect(mailIntakeKey({ messageId: 'm@x', from: { address: 'b@example.com' } })).not.toBe(fromA);
    expect(mailIntakeKey({ messageId: 'm@x', rawSha256: 'ab' })).toBe('message-id:m@x#from:none');
    expect(mailIntakeKey({ rawSha256: 'ab' })).toBe('sha256:ab');
    expect(() => mailIntakeKey({})).toThrow(/digest/);
  });
});

describe('classifying automated mail', () => {
  const autoReplies: [Record<string, string[]>, string][] = [
    [{ 'auto-submitted': ['auto-replied'] }, 'Auto-Submitted: auto-replied'],
    [
      { 'auto-submitted': ['auto-generated; owner-email="x@example.com"'] },
      'Auto-Submitted: auto-generated; owner-email="x@example.com"',
    ],
    [{ 'x-autoreply': ['yes'] }, 'X-Autoreply: yes'],
    [{ 'x-autorespond': ['1'] }, 'X-Autorespond: 1'],
    [{ precedence: ['Bulk'] }, 'Precedence: Bulk'],
    [{ 'list-id': ['<forum.example.org>'] }, 'List-Id: <forum.example.org>'],
  ];
  it.each(autoReplies)('%j is an auto-reply', (headers, reason) => {
    expect(classifyInbound(mail({ headers }), ours)).toEqual({ kind: 'auto_reply', reason });
  });

  it('treats Auto-Submitted: no and Precedence: first-class as a person writing', () => {
    const headers = { 'auto-submitted': ['no'], precedence: ['first-class'] };
    expect(classifyInbound(mail({ headers }), ours)).toEqual({ kind: 'normal' });
  });

  it('names the auto-reply header rather than the empty Return-Path when both are present', () => {
    const vacation = mail({ returnPath: null, headers: { 'auto-submitted': ['auto-replied'] } });
    expect(classifyInbound(vacation, ours)).toEqual({
      kind: 'auto_reply',
      reason: 'Auto-Submitted: auto-replied',
    });
    expect(classifyInbound(mail({ returnPath: null }), ours)).toEqual({
      kind: 'bounce',
      reason: 'Return-Path: <>',
    });
  });

  it('sees our own address in From or Sender whatever its case', () => {
    expect(
      classifyInbound(mail({ from: { address: 'complaints-noreply@bank.example' } }), [
        'Complaints-NoReply@Bank.Example',
      ]),
    ).toMatchObject({ kind: 'loop' });
    const relayed = mail({ headers: { sender: ['Desk <COMPLAINTS@bank.example>'] } });
    expect(classifyInbound(relayed, ours)).toEqual({
      kind: 'loop',
      reason: 'Sender: complaints@bank.example is our own sending address',
    });
  });

  it('spots postmaster and MAILER-DAEMON senders with or without a domain', () => {
    expect(classifyInbound(mail({ from: { address: 'Postmaster@mx.example.net' } }), ours)).toEqual({
      kind: 'bounce',
      reason: 'From: postmaster',
    });
    expect(classifyInbound(mail({ from: undefined, headers: { from: ['MAILER-DAEMON'] } }), ours)).toEqual({
      kind: 'bounce',
      reason: 'From: MAILER-DAEMON',
    });
  });
});

describe('verdicts from SES headers', () => {
  it('reads the topmost SES headers; a sender cannot vouch for itself lower down', () => {
    const forged = mail({
      headers: {
        'x-ses-spam-verdict': ['FAIL', 'PASS'],
        'x-ses-virus-verdict': ['PASS', 'FAIL'],
        'authentication-results': [
          'amazonses.com; spf=fail (spfCheck: no) smtp.mailfrom=x; dkim=none; dmarc=fail header.from=example.com;',
          'amazonses.com; spf=pass; dkim=pass; dmarc=pass',
        ],
      },
    });
    expect(mailVerdicts(forged)).toEqual({
      spam: 'fail',
      virus: 'fail',
      spf: 'fail',
      dkim: 'none',
      dmarc: 'fail',
    });
  });

  it('counts one passing DKIM signature among several, maps odd values, and falls back to Received-SPF', () => {
    const verdicts = mailVerdicts(
      mail({
        headers: {
          'x-ses-spam-verdict': ['PROCESSING_FAILED'],
          'x-ses-virus-verdict': ['MAYBE'],
          'authentication-results': [
            'mx.example.net; dkim=fail header.i=@a.example; dkim=pass header.i=@b.example',
          ],
          'received-spf': ['softfail (spfCheck: transitioning) client-ip=192.0.2.1;'],
        },
      }),
    );
    expect(verdicts).toEqual({ spam: 'processing_failed', virus: 'unknown', dkim: 'pass', spf: 'softfail' });
  });

  it('reports nothing when SES did not scan the mail (local mode)', () => {
    expect(mailVerdicts(mail())).toEqual({});
  });
});

describe('deciding what to do with a mail', () => {
  const normal = { kind: 'normal' } as const;
  const decide = (input: Partial<Parameters<typeof decideInbound>[0]>) =>
    decideInbound({ mail: mail(), classification: normal, verdicts: passing, ...input });

  it('quarantines a virus before anything else, even a reply that would join a case', () => {
    const verdicts = { ...passing, virus: 'fail' as const };
    expect(decide({ verdicts, subjectCase: liHuasCase })).toEqual({
      action: 'quarantine',
      reason: 'X-SES-Virus-Verdict: FAIL',
    });
    const auto = { kind: 'auto_reply', reason: 'X-Autoreply: yes' } as const;
    expect(decide({ verdicts, classification: auto }).action).toBe('quarantine');
  });

  it('drops automated mail even when it comes from the customer and names the case', () => {
    expect(
      decide({
        classification: { kind: 'auto_reply', reason: 'Auto-Submitted: auto-replied' },
        subjectCase: liHuasCase,
      }),
    ).toEqual({ action: 'drop', kind: 'auto_reply', reason: 'Auto-Submitted: auto-replied' });
  });

  it('attaches when the sender is the customer, ignoring case and spaces in either address', () => {
    const shouting = mail({ from: { address: 'LI.HUA@EXAMPLE.COM' } });
    const padded = { ...liHuasCase, customerEmail: '  Li.Hua@Example.com ' };
    expect(decide({ mail: shouting, subjectCase: padded })).toEqual({
      action: 'attach',
      reference: 'RD-20261101-7K3QX9',
    });
    expect(decide({ repliedCase: liHuasCase })).toEqual({
      action: 'attach',
      reference: 'RD-20261101-7K3QX9',
    });
  });

  it('attaches to a closed case too: what the customer says about it belongs on it', () => {
    expect(decide({ subjectCase: { ...liHuasCase, status: 'closed' } })).toEqual({
      action: 'attach',
      reference: 'RD-20261101-7K3QX9',
    });
  });

  it('opens a flagged case for anyone else, or when the case has no e-mail, or the mail has no sender', () => {
    const stranger = mail({ from: { address: 'zhang.min@example.org' } });
    expect(decide({ mail: stranger, subjectCase: liHuasCase })).toEqual({
      action: 'new_case',
      claimsToReplyTo: 'RD-20261101-7K3QX9',
    });
    const hotline: ThreadedCase = { reference: 'RD-20261115-B8VN5C', status: 'registered' };
    expect(decide({ subjectCase: hotline })).toEqual({
      action: 'new_case',
      claimsToReplyTo: 'RD-20261115-B8VN5C',
    });
    expect(decide({ mail: mail({ from: undefined }), repliedCase: liHuasCase })).toEqual({
      action: 'new_case',
      claimsToReplyTo: 'RD-20261101-7K3QX9',
    });
    expect(decide({})).toEqual({ action: 'new_case' });
  });

  it('never attaches a forward from someone else; a forward by the customer joins the case', () => {
    const forwarded = { subject: 'Fwd: [RD-20261101-7K3QX9] 您的投诉已受理' };
    const byStranger = mail({ ...forwarded, from: { address: 'colleague@example.org' } });
    expect(decide({ mail: byStranger, subjectCase: liHuasCase })).toEqual({
      action: 'new_case',
      claimsToReplyTo: 'RD-20261101-7K3QX9',
    });
    expect(decide({ mail: mail(forwarded), subjectCase: liHuasCase })).toEqual({
      action: 'attach',
      reference: 'RD-20261101-7K3QX9',
    });
  });

  it("joins the sender's own case when the subject names someone else's but the reply threads to theirs", () => {
    const james = mail({ from: { address: 'james.whitfield@example.org' } });
    expect(decide({ mail: james, subjectCase: liHuasCase, repliedCase: jamesCase })).toEqual({
      action: 'attach',
      reference: 'RD-20261105-M4PT8W',
    });
  });

  it('does not trust a From that DMARC, or hard SPF without DKIM, says is forged', () => {
    const dmarcFail = { ...passing, dmarc: 'fail' as const };
    expect(decide({ verdicts: dmarcFail, subjectCase: liHuasCase })).toEqual({
      action: 'new_case',
      claimsToReplyTo: 'RD-20261101-7K3QX9',
      senderUnverified: true,
    });
    expect(decide({ verdicts: dmarcFail })).toEqual({ action: 'new_case', senderUnverified: true });
    const spfFail = { spf: 'fail' as const, dkim: 'none' as const };
    expect(decide({ verdicts: spfFail, subjectCase: liHuasCase })).toMatchObject({
      action: 'new_case',
      senderUnverified: true,
    });
    // Forwarding services break SPF; a passing DKIM signature still vouches for the sender.
    const forwardedOn = { spf: 'fail' as const, dkim: 'pass' as const };
    expect(decide({ verdicts: forwardedOn, subjectCase: liHuasCase }).action).toBe('attach');
    // Spam FAIL is recorded but decides nothing.
    expect(decide({ verdicts: { ...passing, spam: 'fail' }, subjectCase: liHuasCase }).action).toBe('attach');
  });
});

describe('language', () => {
  it('is Chinese from a Han share of one in five letters up', () => {
    expect(chineseShareThreshold).toBe(0.2);
    expect(detectLanguage('ATM吞卡了，PIN也被锁')).toBe('zh-CN');
    expect(detectLanguage('abcd中')).toBe('zh-CN');
    expect(detectLanguage('abcde中')).toBe('en');
    expect(detectLanguage('My card was skimmed at the 淘宝 shop, please refund')).toBe('en');
  });

  it('falls back when there are no letters at all', () => {
    expect(detectLanguage('6222 0000 / 5,000.00')).toBe('en');
    expect(detectLanguage('', 'zh-CN')).toBe('zh-CN');
  });
});

describe('attachments', () => {
  const file = (
    filename: string | undefined,
    size = 1000,
    contentType = 'application/pdf',
  ): InboundAttachment => ({
    ...(filename === undefined ? {} : { filename }),
    contentType,
    size,
    content: new Uint8Array(0),
  });
  const megabyte = 1024 * 1024;

  it('refuses executables by extension, whatever their label, case or disguise', () => {
    const names = [
      'setup.EXE',
      'invoice.pdf.exe',
      'run.bat',
      'x.ps1',
      'app.apk',
      'lib.dll',
      'tool.jar',
      'trailing.exe. ',
      'invoice\u202Efdp.exe',
    ];
    const { accepted, refused } = checkAttachments(names.map((name) => file(name)));
    expect(accepted).toEqual([]);
    expect(refused.map((refusal) => refusal.reason)).toEqual(names.map(() => 'executable'));
    expect(effectiveExtension('report.exe.pdf')).toBe('pdf');
  });

  it('refuses executables by content type when the name looks harmless or is missing', () => {
    const { refused } = checkAttachments([
      file('photo.jpg', 10, 'application/x-dosexec'),
      file(undefined, 10, 'application/java-archive'),
    ]);
    expect(refused).toEqual([
      { filename: 'photo.jpg', contentType: 'application/x-dosexec', size: 10, reason: 'executable' },
      { contentType: 'application/java-archive', size: 10, reason: 'executable' },
    ]);
  });

  it('keeps the first attachments in order up to the count and size limits', () => {
    const eleven = Array.from({ length: 11 }, (_, index) => file(`page-${index + 1}.jpg`, 10, 'image/jpeg'));
    const { accepted, refused } = checkAttachments(eleven);
    expect(accepted).toHaveLength(defaultAttachmentLimits.maxCount);
    expect(refused).toEqual([
      { filename: 'page-11.jpg', contentType: 'image/jpeg', size: 10, reason: 'too_many' },
    ]);

    const big = checkAttachments([
      file('a.pdf', 10 * megabyte + 1),
      file('b.pdf', 9 * megabyte),
      file('c.pdf', 9 * megabyte),
      file('d.pdf', 3 * megabyte),
      file('e.pdf', 2 * megabyte),
    ]);
    expect(big.accepted.map((attachment) => attachment.filename)).toEqual(['b.pdf', 'c.pdf', 'e.pdf']);
    expect(big.refused.map((refusal) => [refusal.filename, refusal.reason])).toEqual([
      ['a.pdf', 'too_large'],
      ['d.pdf', 'too_large'],
    ]);
  });

  it('takes other limits when given', () => {
    const limits = { maxCount: 1, maxBytesEach: 100, maxBytesTotal: 100 };
    const { accepted, refused } = checkAttachments([file('a.pdf', 50), file('b.pdf', 50)], limits);
    expect(accepted).toHaveLength(1);
    expect(refused.map((refusal) => refusal.reason)).toEqual(['too_many']);
  });
});
