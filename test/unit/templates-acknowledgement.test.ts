import { describe, expect, it } from 'vitest';
import { type AcknowledgementInput, renderAcknowledgement } from '../../shared/templates/acknowledgement.js';
import { TemplateInputError } from '../../shared/templates/template-errors.js';

const statusUrl = 'https://complaints.bank.example/status?ref=RD-20261123-7K3QX9&lang=zh-CN';

const input = (overrides: Partial<AcknowledgementInput> = {}): AcknowledgementInput => ({
  reference: 'RD-20261123-7K3QX9',
  language: 'zh-CN',
  receivedAt: '2026-11-23T02:15:00.000Z',
  decideBy: '2026-12-08T15:59:59.999Z',
  contact: { name: '客户服务中心 李娜', email: 'complaints@bank.example', phone: '95533' },
  statusUrl,
  timeZone: 'Asia/Shanghai',
  ...overrides,
});

describe('acknowledgement e-mail', () => {
  it('carries the reference in brackets and a bilingual title, customer language first', () => {
    expect(renderAcknowledgement(input()).subject).toBe(
      '[RD-20261123-7K3QX9] 投诉受理通知 / Complaint received',
    );
    expect(renderAcknowledgement(input({ language: 'en' })).subject).toBe(
      '[RD-20261123-7K3QX9] Complaint received / 投诉受理通知',
    );
  });

  it('contains both languages, the customer language above the other', () => {
    for (const body of ['text', 'html'] as const) {
      const zh = renderAcknowledgement(input())[body];
      expect(zh.indexOf('您的投诉已受理')).toBeGreaterThanOrEqual(0);
      expect(zh.indexOf('We have registered your complaint')).toBeGreaterThan(zh.indexOf('您的投诉已受理'));

      const en = renderAcknowledgement(input({ language: 'en' }))[body];
      expect(en.indexOf('We have registered your complaint')).toBeGreaterThanOrEqual(0);
      expect(en.indexOf('您的投诉已受理')).toBeGreaterThan(en.indexOf('We have registered your complaint'));
    }
  });

  it('puts a divider between the two languages', () => {
    const { text, html } = renderAcknowledgement(input());
    const divider = text.indexOf('\n========================================\n');
    expect(divider).toBeGreaterThan(text.indexOf('感谢您的理解与支持'));
    expect(divider).toBeLessThan(text.indexOf('Dear customer,'));
    expect(html).toMatch(/<\/div>\s*<hr[^>]*>\s*<div lang="en">/);
  });

  it('tells the reference, when it was received, the decision date and the contact', () => {
    const { text } = renderAcknowledgement(input());
    expect(text).toContain('尊敬的客户：');
    expect(text).toContain('投诉编号：RD-20261123-7K3QX9');
    expect(text).toContain('收到时间：2026年11月23日 10:15（北京时间）');
    expect(text).toContain('我们将认真核实您反映的问题，并于2026年12月8日 23:59（北京时间）前给您答复。');
    expect(text).toContain(
      '如有疑问，请联系客户服务中心 李娜（电子邮箱：complaints@bank.example；联系电话：95533）。',
    );
    expect(text).toContain('请保留邮件主题中的投诉编号“[RD-20261123-7K3QX9]”');

    expect(text).toContain('Dear customer,');
    expect(text).toContain('Reference: RD-20261123-7K3QX9');
    expect(text).toContain('Received: 23 November 2026, 10:15 (UTC+8)');
    expect(text).toContain('give you our answer by 8 December 2026, 23:59 (UTC+8).');
    expect(text).toContain(
      'please contact 客户服务中心 李娜 (e-mail: complaints@bank.example; phone: 95533).',
    );
    expect(text).toContain('keep the reference [RD-20261123-7K3QX9] in the subject line');
  });

  it('shows the decision date in the bank zone, not in UTC', () => {
    const { text, html } = renderAcknowledgement(input());
    expect(text).toContain('2026年12月8日 23:59');
    expect(html).toContain('2026年12月8日 23:59');
    expect(text).not.toContain('15:59');

    const london = renderAcknowledgement(input({ timeZone: 'Europe/London' })).text;
    expect(london).toContain('8 December 2026, 15:59 (UTC)');
  });

  it('leaves out contact means that are not given', () => {
    const { text } = renderAcknowledgement(input({ contact: { name: '网点负责人 王强' } }));
    expect(text).toContain('如有疑问，请联系网点负责人 王强。');
    expect(text).toContain('please contact 网点负责人 王强.');
  });

  it('refuses a reference that could break the subject line or reply threading', () => {
    expect(() => renderAcknowledgement(input({ reference: 'RD-1\r\nBcc: attacker@example.com' }))).toThrow(
      TemplateInputError,
    );
    expect(() => renderAcknowledgement(input({ reference: 'RD-1] [RD-2' }))).toThrow(TemplateInputError);
  });

  it("greets the customer in the bank's own words, never by a name anyone could have typed", () => {
    const { text, html } = renderAcknowledgement(input());
    for (const body of [text, html]) {
      expect(body).toContain('尊敬的客户：');
      expect(body).toContain('Dear customer,');
    }
  });

  it('gives the status link in both bodies, attribute-escaped in the href', () => {
    const { text, html } = renderAcknowledgement(input());
    expect(text.split(statusUrl)).toHaveLength(3);
    const escaped = 'https://complaints.bank.example/status?ref=RD-20261123-7K3QX9&amp;lang=zh-CN';
    expect(html.split(`<a href="${escaped}">`)).toHaveLength(3);
    expect(html).not.toContain(statusUrl);
  });

  it('refuses a status link that is not http(s)', () => {
    expect(() => renderAcknowledgement(input({ statusUrl: 'javascript:alert(1)' }))).toThrow(
      TemplateInputError,
    );
  });

  it('refuses to promise a date it cannot read', () => {
    expect(() => renderAcknowledgement(input({ decideBy: 'next week' }))).toThrow(TemplateInputError);
  });
});
