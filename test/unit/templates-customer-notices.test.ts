import { describe, expect, it } from 'vitest';
import type { RenderedEmail } from '../../shared/templates/bilingual-email.js';
import {
  type CustomerNoticeInput,
  type DecisionNoticeInput,
  type ExtensionNoticeInput,
  formatMoney,
  type PauseNoticeInput,
  type ResumeNoticeInput,
  renderDecisionNotice,
  renderExtensionNotice,
  renderPauseNotice,
  renderResumeNotice,
} from '../../shared/templates/customer-notices.js';
import { TemplateInputError } from '../../shared/templates/template-errors.js';

const reference = 'RD-20261123-7K3QX9';
const statusUrl = 'https://complaints.bank.example/status?ref=RD-20261123-7K3QX9';
const hostile = '<script>alert(1)</script>';

const base: CustomerNoticeInput = {
  reference,
  language: 'zh-CN',
  contact: { name: { 'zh-CN': '客户服务中心', en: 'Customer Service Centre' }, phone: '95533' },
  statusUrl,
  timeZone: 'Asia/Shanghai',
};

const extension = (overrides: Partial<ExtensionNoticeInput> = {}): ExtensionNoticeInput => ({
  ...base,
  previousDecideBy: '2026-12-08T15:59:59.999Z',
  newDecideBy: '2026-12-23T15:59:59.999Z',
  reason: '需调取商户交易凭证核实',
  step: 1,
  ...overrides,
});

const pause = (overrides: Partial<PauseNoticeInput> = {}): PauseNoticeInput => ({
  ...base,
  reason: '交易签名送交司法鉴定',
  startedAt: '2026-11-30T01:30:00.000Z',
  ...overrides,
});

const resume = (overrides: Partial<ResumeNoticeInput> = {}): ResumeNoticeInput => ({
  ...base,
  resumedAt: '2026-12-10T06:00:00.000Z',
  newDecideBy: '2026-12-19T15:59:59.999Z',
  ...overrides,
});

const decision = (overrides: Partial<DecisionNoticeInput> = {}): DecisionNoticeInput => ({
  ...base,
  decision: 'upheld',
  ...overrides,
});

type Render = (language: 'zh-CN' | 'en') => RenderedEmail;

const notices: { name: string; render: Render; zhTitle: string; enTitle: string }[] = [
  {
    name: 'extension',
    render: (language) => renderExtensionNotice(extension({ language })),
    zhTitle: '延期答复通知',
    enTitle: 'Extension of our reply date',
  },
  {
    name: 'pause',
    render: (language) => renderPauseNotice(pause({ language })),
    zhTitle: '外部鉴定/检测期间暂停计时通知',
    enTitle: 'Our clock is paused during an external appraisal or test',
  },
  {
    name: 'resume',
    render: (language) => renderResumeNotice(resume({ language })),
    zhTitle: '恢复办理通知',
    enTitle: 'We have resumed handling your complaint',
  },
  {
    name: 'decision',
    render: (language) => renderDecisionNotice(decision({ language })),
    zhTitle: '投诉处理结果通知',
    enTitle: 'Our decision on your complaint',
  },
];

describe.each(notices)('$name notice', ({ render, zhTitle, enTitle }) => {
  it('has the reference in brackets and both titles, customer language first', () => {
    expect(render('zh-CN').subject).toBe(`[${reference}] ${zhTitle} / ${enTitle}`);
    expect(render('en').subject).toBe(`[${reference}] ${enTitle} / ${zhTitle}`);
  });

  it('reads in the customer language first and the other below the divider', () => {
    for (const body of ['text', 'html'] as const) {
      const zh = render('zh-CN')[body];
      expect(zh.indexOf('尊敬的客户')).toBeGreaterThanOrEqual(0);
      expect(zh.indexOf('Dear customer')).toBeGreaterThan(zh.indexOf('尊敬的客户'));

      const en = render('en')[body];
      expect(en.indexOf('Dear customer')).toBeGreaterThanOrEqual(0);
      expect(en.indexOf('尊敬的客户')).toBeGreaterThan(en.indexOf('Dear customer'));
    }
    const { text } = render('zh-CN');
    const divider = text.indexOf('\n========================================\n');
    expect(divider).toBeGreaterThan(text.indexOf('尊敬的客户'));
    expect(divider).toBeLessThan(text.indexOf('Dear customer'));
  });

  it('names the complaint and tells the customer whom to contact, in both languages', () => {
    const { text } = render('zh-CN');
    expect(text).toContain(`投诉编号：${reference}`);
    expect(text).not.toContain('投诉事项');
    expect(text).toContain('如有疑问，请联系客户服务中心（联系电话：95533）。');
    expect(text).toContain(`Reference: ${reference}`);
    expect(text).toContain('please contact Customer Service Centre (phone: 95533).');
    expect(text.split(statusUrl)).toHaveLength(3);
  });
});

describe('what the customer typed', () => {
  const rendered = [
    renderExtensionNotice(extension()),
    renderPauseNotice(pause()),
    renderResumeNotice(resume()),
    renderDecisionNotice(decision()),
  ];

  it("is never echoed: every notice greets in the bank's own words and quotes no subject", () => {
    for (const { text, html } of rendered) {
      for (const body of [text, html]) {
        expect(body).toContain('尊敬的客户：');
        expect(body).toContain('Dear customer,');
        expect(body).not.toContain('投诉事项');
        expect(body).not.toContain('Your complaint:');
        expect(body).toContain(reference);
      }
    }
  });
});

describe('extension notice', () => {
  it('gives the new reply date and the old one in the bank zone, and the reason', () => {
    const { text, html } = renderExtensionNotice(extension());
    expect(text).toContain('我们将答复期限延长至2026年12月23日 23:59（北京时间）。');
    expect(text).toContain('原答复期限：2026年12月8日 23:59（北京时间）');
    expect(text).toContain('新答复期限：2026年12月23日 23:59（北京时间）');
    expect(text).toContain('延期原因：\n需调取商户交易凭证核实');
    expect(text).toContain('情况复杂的投诉，处理期限可延长至30日');
    expect(text).toContain('we have extended the date of our reply to 23 December 2026, 23:59 (UTC+8).');
    expect(text).toContain('Previous reply date: 8 December 2026, 23:59 (UTC+8)');
    expect(text).not.toContain('15:59');
    expect(html).toContain('<strong>2026年12月23日 23:59（北京时间）</strong>');
  });

  it('says a second extension was approved by a superior, without naming the approver', () => {
    const { text, html } = renderExtensionNotice(
      extension({
        step: 2,
        previousDecideBy: '2026-12-23T15:59:59.999Z',
        newDecideBy: '2027-01-22T15:59:59.999Z',
        approvedBy: 'deputy.president.liu',
      }),
    );
    expect(text).toContain('经上级机构批准，我们将答复期限再次延长至2027年1月22日 23:59（北京时间）。');
    expect(text).toContain('经上级机构批准并告知投诉人，处理期限可再延长不超过30日');
    expect(text).toContain('with the approval of a superior office');
    expect(text).not.toContain('deputy.president.liu');
    expect(html).not.toContain('deputy.president.liu');
  });

  it('refuses a second extension that no superior approved', () => {
    expect(() => renderExtensionNotice(extension({ step: 2 }))).toThrow(TemplateInputError);
  });

  it('refuses a "new" reply date that is not later than the old one', () => {
    expect(() => renderExtensionNotice(extension({ newDecideBy: '2026-12-01T15:59:59.999Z' }))).toThrow(
      TemplateInputError,
    );
  });

  it('refuses to tell the customer an empty reason', () => {
    expect(() => renderExtensionNotice(extension({ reason: ' \n ' }))).toThrow(TemplateInputError);
  });

  it('escapes markup in the reason staff wrote', () => {
    const { text, html } = renderExtensionNotice(extension({ reason: `${hostile} & more` }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(text).toContain(`${hostile} & more`);
  });
});

describe('pause notice', () => {
  it('says from when the clock is paused, why, and that the time does not count', () => {
    const { text } = renderPauseNotice(pause());
    expect(text).toContain('自2026年11月30日 09:30（北京时间）起，答复期限暂停计算。');
    expect(text).toContain('暂停计时时间：2026年11月30日 09:30（北京时间）');
    expect(text).toContain('暂停原因：\n交易签名送交司法鉴定');
    expect(text).toContain('外部鉴定、检测所需时间不计入投诉处理期限');
    expect(text).toContain('我们将恢复办理并通知您');
    expect(text).toContain('From 30 November 2026, 09:30 (UTC+8), the clock on our reply to you is paused.');
    expect(text).toContain('does not count towards the deadline for our reply');
    expect(text).toContain('we will resume handling your complaint and tell you');
  });

  it('escapes markup in the reason staff wrote', () => {
    const { html } = renderPauseNotice(pause({ reason: hostile }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('resume notice', () => {
  it('says when handling resumed and the new reply date, in the bank zone', () => {
    const { text } = renderResumeNotice(resume());
    expect(text).toContain('我们已于2026年12月10日 14:00（北京时间）恢复办理您的投诉。');
    expect(text).toContain('新答复期限：2026年12月19日 23:59（北京时间）');
    expect(text).toContain('我们将于2026年12月19日 23:59（北京时间）前给您答复。');
    expect(text).toContain('we resumed handling your complaint on 10 December 2026, 14:00 (UTC+8).');
    expect(text).toContain('we will now give you our answer by 19 December 2026, 23:59 (UTC+8).');
  });

  it('shows the dates in another bank zone when the bank is elsewhere', () => {
    const { text } = renderResumeNotice(resume({ timeZone: 'Europe/London' }));
    expect(text).toContain('19 December 2026, 15:59 (UTC)');
    expect(text).toContain('2026年12月19日 15:59（UTC）');
  });
});

describe('decision notice', () => {
  it('states the decision in natural words in both languages', () => {
    const cases = [
      ['upheld', '投诉成立', 'upheld'],
      ['partly_upheld', '投诉部分成立', 'partly upheld'],
      ['rejected', '投诉不成立', 'not upheld'],
    ] as const;
    for (const [value, zh, en] of cases) {
      const { text } = renderDecisionNotice(decision({ decision: value }));
      expect(text).toContain(`处理结论：${zh}`);
      expect(text).toContain(`您的${zh}。`);
      expect(text).toContain(`your complaint and it is ${en}.`);
    }
  });

  it('shows compensation with its currency', () => {
    const { text } = renderDecisionNotice(decision({ compensation: { amount: '120', currency: 'CNY' } }));
    expect(text).toContain('补偿金额：人民币 120.00 元');
    expect(text).toContain('Compensation: CNY 120.00');
  });

  it('leaves compensation out when there is none', () => {
    const { text } = renderDecisionNotice(decision());
    expect(text).not.toContain('补偿金额');
    expect(text).not.toContain('Compensation');
  });

  it('shows the remedy and the letter escaped, keeping the letter line breaks', () => {
    const letter = `您好：\n经核查，年费系重复扣收。\n\n我们已退还该笔费用。${hostile}`;
    const { text, html } = renderDecisionNotice(
      decision({ remedy: `退还重复扣收的年费 ${hostile}`, letter }),
    );
    expect(text).toContain(`处理措施：\n退还重复扣收的年费 ${hostile}`);
    expect(text).toContain(
      `处理说明：\n\n您好：\n经核查，年费系重复扣收。\n\n我们已退还该笔费用。${hostile}`,
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('您好：<br>经核查，年费系重复扣收。</p>');
    expect(html).toContain('我们已退还该笔费用。&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('gives the letter once, in the customer language, and points to it from the other section', () => {
    const letter = 'We have refunded the fee.\nThe fee will not be charged again.';
    const { text } = renderDecisionNotice(decision({ language: 'en', letter }));
    expect(text.split('We have refunded the fee.')).toHaveLength(2);
    expect(text).toContain(`Our explanation:\n\n${letter}`);
    expect(text).toContain('处理说明全文见上方英文部分。');
  });

  it('offers a review until the deadline and says how to ask, only when a deadline is given', () => {
    const { text } = renderDecisionNotice(decision({ reviewRequestBy: '2027-01-08T15:59:59.999Z' }));
    expect(text).toContain('可于2027年1月8日 23:59（北京时间）前申请核查');
    expect(text).toContain(`直接回复本邮件并说明理由，请保留邮件主题中的投诉编号“[${reference}]”`);
    expect(text).toContain('you may ask us to review it until 8 January 2027, 23:59 (UTC+8).');
    expect(text).toContain(`reply to this e-mail with your reasons and keep the reference [${reference}]`);

    const withoutReview = renderDecisionNotice(decision()).text;
    expect(withoutReview).not.toContain('核查');
    expect(withoutReview).not.toContain('review');
  });
});

describe('formatMoney', () => {
  it('groups thousands and uses the currency minor unit', () => {
    expect(formatMoney({ amount: '1200.5', currency: 'cny' })).toEqual({
      'zh-CN': '人民币 1,200.50 元',
      en: 'CNY 1,200.50',
    });
    expect(formatMoney({ amount: '3000', currency: 'JPY' })).toEqual({
      'zh-CN': '日元 3,000',
      en: 'JPY 3,000',
    });
    expect(formatMoney({ amount: '15.00', currency: 'USD' }).en).toBe('USD 15.00');
  });

  it('refuses an amount it would have to round or cannot read', () => {
    expect(() => formatMoney({ amount: '10.005', currency: 'CNY' })).toThrow(TemplateInputError);
    expect(() => formatMoney({ amount: '-5', currency: 'CNY' })).toThrow(TemplateInputError);
    expect(() => formatMoney({ amount: '5', currency: 'yuan' })).toThrow(TemplateInputError);
  });
});
