import { parseInstant } from '../domain/calendar/local-time.js';
import type { Decision, Language } from '../domain/case/case-types.js';
import type { AcknowledgementInput } from './acknowledgement.js';
import { checkedReference, type RenderedEmail, renderBilingualEmail } from './bilingual-email.js';
import {
  type Block,
  field,
  fields,
  heading,
  type Inline,
  link,
  paragraph,
  strong,
} from './message-blocks.js';
import { multiLine, singleLine, truncateText } from './plain-text.js';
import { formatDateTime } from './template-dates.js';
import { TemplateInputError } from './template-errors.js';

/**
 * Notices that tell the customer what happened to their complaint after it was acknowledged:
 * a later reply date, a paused or resumed clock, and the decision. Each one is a record that the
 * customer was told, which the CN rules require for extensions and pauses.
 */

/** What every customer notice needs; the contact has the same shape as in the acknowledgement. */
export interface CustomerNoticeInput {
  reference: string;
  language: Language;
  contact: AcknowledgementInput['contact'];
  statusUrl?: string;
  /** The bank's IANA zone, in which every date is shown. */
  timeZone: string;
}

export interface ExtensionNoticeInput extends CustomerNoticeInput {
  /** UTC ISO-8601 instants. */
  previousDecideBy: string;
  newDecideBy: string;
  /** Written by staff; shown to the customer. */
  reason: string;
  /** 1: a complex complaint (to 30 days). 2: an especially complex one (30 more, approved by a superior). */
  step: 1 | 2;
  /** Required for step 2, because the notice says a superior approved it; never shown to the customer. */
  approvedBy?: string;
}

export interface PauseNoticeInput extends CustomerNoticeInput {
  /** Written by staff; shown to the customer. */
  reason: string;
  /** UTC ISO-8601 instant. */
  startedAt: string;
}

export interface ResumeNoticeInput extends CustomerNoticeInput {
  /** UTC ISO-8601 instants. */
  resumedAt: string;
  newDecideBy: string;
}

export interface DecisionNoticeInput extends CustomerNoticeInput {
  decision: Decision;
  /** What the bank will do to put things right; written by staff, may span lines. */
  remedy?: string;
  /** A decimal amount such as `120` or `120.50`, and an ISO 4217 code such as `CNY`. */
  compensation?: { amount: string; currency: string };
  /** The explanation to the customer; written by staff, its paragraphs and line breaks are kept. */
  letter?: string;
  /** UTC ISO-8601: the last moment the customer may ask for a review (核查). No review offer without it. */
  reviewRequestBy?: string;
}

const maxName = 80;

type Localised = Record<Language, string>;

interface CommonFacts {
  reference: string;
  contactName: Localised;
  contactEmail: string | undefined;
  contactPhone: string | undefined;
  statusUrl: string | undefined;
}

const optionalLine = (value: string | undefined, max: number): string | undefined => {
  const cleaned = value === undefined ? '' : truncateText(singleLine(value), max);
  return cleaned === '' ? undefined : cleaned;
};

// Staff text may span lines; cleaning it once here means both bodies show the same lines.
const optionalText = (value: string | undefined): string | undefined => {
  const cleaned = value === undefined ? '' : multiLine(value);
  return cleaned === '' ? undefined : cleaned;
};

const requiredText = (value: string, inputField: string): string => {
  const cleaned = optionalText(value);
  // The customer is owed a reason; an empty one would read as if we had none.
  if (cleaned === undefined) throw new TemplateInputError(inputField, 'must not be empty');
  return cleaned;
};

const bothLanguages = (format: (language: Language) => string): Localised => ({
  'zh-CN': format('zh-CN'),
  en: format('en'),
});

const datesOf = (instant: string, input: CustomerNoticeInput, inputField: string): Localised =>
  bothLanguages((language) => formatDateTime(instant, language, input.timeZone, inputField));

const commonFacts = (input: CustomerNoticeInput): CommonFacts => {
  const { name } = input.contact;
  const zhName = optionalLine(typeof name === 'string' ? name : name['zh-CN'], maxName);
  const enName = optionalLine(typeof name === 'string' ? name : name.en, maxName);
  if (zhName === undefined || enName === undefined) {
    throw new TemplateInputError('contact.name', 'must name who to contact');
  }
  return {
    reference: checkedReference(input.reference),
    contactName: { 'zh-CN': zhName, en: enName },
    contactEmail: optionalLine(input.contact.email, 254),
    contactPhone: optionalLine(input.contact.phone, 40),
    statusUrl: input.statusUrl,
  };
};

// The customer's name is what the sender typed, unverified: the greeting is the bank's own.
const greeting = (_f: CommonFacts, language: Language): Block =>
  language === 'zh-CN' ? paragraph('尊敬的客户：') : paragraph('Dear customer,');

const contactBlock = (f: CommonFacts, language: Language): Block => {
  if (language === 'zh-CN') {
    const means = [
      ...(f.contactEmail ? [`电子邮箱：${f.contactEmail}`] : []),
      ...(f.contactPhone ? [`联系电话：${f.contactPhone}`] : []),
    ];
    return paragraph(
      `如有疑问，请联系${f.contactName['zh-CN']}${means.length > 0 ? `（${means.join('；')}）` : ''}。`,
    );
  }
  const means = [
    ...(f.contactEmail ? [`e-mail: ${f.contactEmail}`] : []),
    ...(f.contactPhone ? [`phone: ${f.contactPhone}`] : []),
  ];
  return paragraph(
    `If you have any questions, please contact ${f.contactName.en}${means.length > 0 ? ` (${means.join('; ')})` : ''}.`,
  );
};

const statusBlocks = (f: CommonFacts, language: Language): Block[] => {
  if (f.statusUrl === undefined) return [];
  return [
    language === 'zh-CN'
      ? paragraph('您可随时通过以下链接查询投诉办理进度：', link(f.statusUrl, 'statusUrl'))
      : paragraph(
          'You can check the progress of your complaint at any time here: ',
          link(f.statusUrl, 'statusUrl'),
        ),
  ];
};

// Replies are threaded to the case by the bracketed reference in the subject.
const replyBlock = (f: CommonFacts, language: Language): Block =>
  language === 'zh-CN'
    ? paragraph(
        `如需回复本邮件，请保留邮件主题中的投诉编号“[${f.reference}]”，以便我们将您的回复及时归入本投诉。`,
      )
    : paragraph(
        `If you reply to this e-mail, please keep the reference [${f.reference}] in the subject line so that your reply is added to this complaint.`,
      );

const summary = (f: CommonFacts, language: Language, rows: readonly [string, string][]): Block =>
  fields([
    field(language === 'zh-CN' ? '投诉编号' : 'Reference', f.reference),
    ...rows.map(([label, value]) => field(label, value)),
  ]);

// Text staff wrote goes after a label in its own paragraph, so its line breaks survive.
const labelled = (label: string, text: string): Block => paragraph(`${label}\n${text}`);

const render = (
  input: CustomerNoticeInput,
  reference: string,
  titles: Localised,
  section: (language: Language) => Block[],
): RenderedEmail =>
  renderBilingualEmail({
    reference,
    language: input.language,
    titles,
    sections: { 'zh-CN': section('zh-CN'), en: section('en') },
  });

// ---------------------------------------------------------------------------------------------
// Extension

const extensionTitles: Localised = { 'zh-CN': '延期答复通知', en: 'Extension of our reply date' };

export const renderExtensionNotice = (input: ExtensionNoticeInput): RenderedEmail => {
  const f = commonFacts(input);
  const previous = datesOf(input.previousDecideBy, input, 'previousDecideBy');
  const next = datesOf(input.newDecideBy, input, 'newDecideBy');
  if (parseInstant(input.newDecideBy) <= parseInstant(input.previousDecideBy)) {
    throw new TemplateInputError('newDecideBy', 'must be later than previousDecideBy');
  }
  // The second extension is lawful only with a superior's approval, and the notice says so.
  if (input.step === 2 && !input.approvedBy?.trim()) {
    throw new TemplateInputError('approvedBy', 'is required for a second extension');
  }
  const reason = requiredText(input.reason, 'reason');
  const second = input.step === 2;

  return render(input, f.reference, extensionTitles, (language) =>
    language === 'zh-CN'
      ? [
          heading(extensionTitles['zh-CN']),
          greeting(f, language),
          second
            ? paragraph(
                '由于您的投诉情况特别复杂，经上级机构批准，我们将答复期限再次延长至',
                strong(next['zh-CN']),
                '。',
              )
            : paragraph(
                '由于您的投诉情况较为复杂，需要更多时间调查核实，我们将答复期限延长至',
                strong(next['zh-CN']),
                '。',
              ),
          summary(f, language, [
            ['原答复期限', previous['zh-CN']],
            ['新答复期限', next['zh-CN']],
          ]),
          labelled('延期原因：', reason),
          paragraph(
            second
              ? '根据投诉处理的有关规定，情况特别复杂的投诉，经上级机构批准并告知投诉人，处理期限可再延长不超过30日。'
              : '根据投诉处理的有关规定，情况复杂的投诉，处理期限可延长至30日。',
          ),
          paragraph('我们将在新的答复期限前给您答复，如有进展也会及时告知您。'),
          contactBlock(f, language),
          ...statusBlocks(f, language),
          replyBlock(f, language),
          paragraph('给您带来不便，敬请谅解。感谢您的理解与支持！'),
        ]
      : [
          heading(extensionTitles.en),
          greeting(f, language),
          second
            ? paragraph(
                'Your complaint is especially complex, so with the approval of a superior office we have extended the date of our reply a second time, to ',
                strong(next.en),
                '.',
              )
            : paragraph(
                'Your complaint is complex and we need more time to look into it, so we have extended the date of our reply to ',
                strong(next.en),
                '.',
              ),
          summary(f, language, [
            ['Previous reply date', previous.en],
            ['New reply date', next.en],
          ]),
          labelled('Reason for the extension:', reason),
          paragraph(
            second
              ? 'Under the complaint-handling rules, an especially complex complaint may be given up to 30 more days, with the approval of a superior office and after the customer is told.'
              : 'Under the complaint-handling rules, the time to reply to a complex complaint may be extended to 30 days.',
          ),
          paragraph('We will reply by the new date and will keep you informed of any progress before then.'),
          contactBlock(f, language),
          ...statusBlocks(f, language),
          replyBlock(f, language),
          paragraph('We are sorry for the wait and thank you for your patience.'),
        ],
  );
};

// ---------------------------------------------------------------------------------------------
// Pause

const pauseTitles: Localised = {
  'zh-CN': '外部鉴定/检测期间暂停计时通知',
  en: 'Our clock is paused during an external appraisal or test',
};

export const renderPauseNotice = (input: PauseNoticeInput): RenderedEmail => {
  const f = commonFacts(input);
  const startedAt = datesOf(input.startedAt, input, 'startedAt');
  const reason = requiredText(input.reason, 'reason');

  return render(input, f.reference, pauseTitles, (language) =>
    language === 'zh-CN'
      ? [
          heading(pauseTitles['zh-CN']),
          greeting(f, language),
          paragraph(
            '为查明您反映的问题，您的投诉需要进行外部鉴定或检测。自',
            strong(startedAt['zh-CN']),
            '起，答复期限暂停计算。',
          ),
          summary(f, language, [['暂停计时时间', startedAt['zh-CN']]]),
          labelled('暂停原因：', reason),
          paragraph(
            '根据投诉处理的有关规定，外部鉴定、检测所需时间不计入投诉处理期限。鉴定或检测结束后，我们将恢复办理并通知您，同时告知新的答复期限。',
          ),
          contactBlock(f, language),
          ...statusBlocks(f, language),
          replyBlock(f, language),
          paragraph('感谢您的理解与支持！'),
        ]
      : [
          heading(pauseTitles.en),
          greeting(f, language),
          paragraph(
            'To establish the facts, your complaint needs an external appraisal or test. From ',
            strong(startedAt.en),
            ', the clock on our reply to you is paused.',
          ),
          summary(f, language, [['Clock paused from', startedAt.en]]),
          labelled('Reason:', reason),
          paragraph(
            'Under the complaint-handling rules, the time an external appraisal or test takes does not count towards the deadline for our reply. When it is over we will resume handling your complaint and tell you, with the new reply date.',
          ),
          contactBlock(f, language),
          ...statusBlocks(f, language),
          replyBlock(f, language),
          paragraph('Thank you for your patience.'),
        ],
  );
};

// ---------------------------------------------------------------------------------------------
// Resume

const resumeTitles: Localised = { 'zh-CN': '恢复办理通知', en: 'We have resumed handling your complaint' };

export const renderResumeNotice = (input: ResumeNoticeInput): RenderedEmail => {
  const f = commonFacts(input);
  const resumedAt = datesOf(input.resumedAt, input, 'resumedAt');
  const next = datesOf(input.newDecideBy, input, 'newDecideBy');

  return render(input, f.reference, resumeTitles, (language) =>
    language === 'zh-CN'
      ? [
          heading(resumeTitles['zh-CN']),
          greeting(f, language),
          paragraph('外部鉴定/检测已结束，我们已于', strong(resumedAt['zh-CN']), '恢复办理您的投诉。'),
          summary(f, language, [
            ['恢复办理时间', resumedAt['zh-CN']],
            ['新答复期限', next['zh-CN']],
          ]),
          paragraph('暂停计时期间不计入答复期限。我们将于', strong(next['zh-CN']), '前给您答复。'),
          contactBlock(f, language),
          ...statusBlocks(f, language),
          replyBlock(f, language),
          paragraph('感谢您的耐心等待！'),
        ]
      : [
          heading(resumeTitles.en),
          greeting(f, language),
          paragraph(
            'The external appraisal or test is over and we resumed handling your complaint on ',
            strong(resumedAt.en),
            '.',
          ),
          summary(f, language, [
            ['Resumed', resumedAt.en],
            ['New reply date', next.en],
          ]),
          paragraph(
            'The time while the clock was paused does not count, so we will now give you our answer by ',
            strong(next.en),
            '.',
          ),
          contactBlock(f, language),
          ...statusBlocks(f, language),
          replyBlock(f, language),
          paragraph('Thank you for waiting.'),
        ],
  );
};

// ---------------------------------------------------------------------------------------------
// Decision

const decisionTitles: Localised = { 'zh-CN': '投诉处理结果通知', en: 'Our decision on your complaint' };

const decisionWords: Record<Decision, Localised> = {
  upheld: { 'zh-CN': '成立', en: 'upheld' },
  partly_upheld: { 'zh-CN': '部分成立', en: 'partly upheld' },
  rejected: { 'zh-CN': '不成立', en: 'not upheld' },
};

// Chinese readers expect the currency named in words; 人民币 amounts also end in 元.
const chineseCurrencyNames: Readonly<Record<string, string>> = {
  USD: '美元',
  HKD: '港币',
  EUR: '欧元',
  GBP: '英镑',
  JPY: '日元',
};

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** `CNY 1,200.00` / `人民币 1,200.00 元`; refuses an amount it would have to round. */
export const formatMoney = (money: { amount: string; currency: string }): Localised => {
  const currency = money.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw new TemplateInputError('compensation.currency', 'must be a three-letter ISO 4217 code');
  }
  const match = /^(\d+)(?:\.(\d+))?$/.exec(money.amount.trim());
  if (!match) throw new TemplateInputError('compensation.amount', 'must be a plain decimal amount');
  const [, whole = '0', fraction = ''] = match;
  const minorDigits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  // Money promised to a customer is shown exactly as decided, never rounded.
  if (/[^0]/.test(fraction.slice(minorDigits))) {
    throw new TemplateInputError('compensation.amount', `has more than ${minorDigits} decimal places`);
  }
  const minor = fraction.slice(0, minorDigits).padEnd(minorDigits, '0');
  const number = `${groupThousands(whole.replace(/^0+(?=\d)/, ''))}${minor ? `.${minor}` : ''}`;
  const zhName = chineseCurrencyNames[currency];
  return {
    'zh-CN':
      currency === 'CNY' ? `人民币 ${number} 元` : zhName ? `${zhName} ${number}` : `${currency} ${number}`,
    en: `${currency} ${number}`,
  };
};

// A letter's blank lines separate paragraphs; its single line breaks stay inside a paragraph.
const letterParagraphs = (letter: string): Block[] => letter.split(/\n{2,}/).map((part) => paragraph(part));

const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

export const renderDecisionNotice = (input: DecisionNoticeInput): RenderedEmail => {
  const f = commonFacts(input);
  const words = decisionWords[input.decision];
  const compensation = input.compensation ? formatMoney(input.compensation) : undefined;
  const remedy = optionalText(input.remedy);
  const letter = optionalText(input.letter);
  const reviewBy = input.reviewRequestBy
    ? datesOf(input.reviewRequestBy, input, 'reviewRequestBy')
    : undefined;
  // The letter is written once, in the customer's language; the other section points to it
  // rather than repeating a long text the reader may take for a second, different letter.
  const letterLanguage = input.language;

  const zhSection = (): Block[] => {
    const rows: [string, string][] = [['处理结论', `投诉${words['zh-CN']}`]];
    if (compensation) rows.push(['补偿金额', compensation['zh-CN']]);
    const reviewInvite: Inline[] = reviewBy
      ? [
          '如您对本处理结果有异议，可于',
          strong(reviewBy['zh-CN']),
          `前申请核查。申请方式：直接回复本邮件并说明理由，请保留邮件主题中的投诉编号“[${f.reference}]”。`,
        ]
      : [];
    return [
      heading(decisionTitles['zh-CN']),
      greeting(f, 'zh-CN'),
      paragraph('经认真调查核实，您的投诉', strong(words['zh-CN']), '。现将处理结果告知如下。'),
      summary(f, 'zh-CN', rows),
      ...(remedy ? [labelled('处理措施：', remedy)] : []),
      ...(letter
        ? letterLanguage === 'zh-CN'
          ? [paragraph('处理说明：'), ...letterParagraphs(letter)]
          : [paragraph('处理说明全文见上方英文部分。')]
        : []),
      ...(reviewBy ? [paragraph(...reviewInvite)] : []),
      contactBlock(f, 'zh-CN'),
      ...statusBlocks(f, 'zh-CN'),
      // The review invitation already says how to reply; saying it twice would blur which applies.
      ...(reviewBy ? [] : [replyBlock(f, 'zh-CN')]),
      paragraph('感谢您对我们工作的理解与支持！'),
    ];
  };

  const enSection = (): Block[] => {
    const rows: [string, string][] = [['Our decision', capitalised(words.en)]];
    if (compensation) rows.push(['Compensation', compensation.en]);
    return [
      heading(decisionTitles.en),
      greeting(f, 'en'),
      paragraph(
        'We have looked carefully into your complaint and it is ',
        strong(words.en),
        '. Our decision is set out below.',
      ),
      summary(f, 'en', rows),
      ...(remedy ? [labelled('What we will do to put things right:', remedy)] : []),
      ...(letter
        ? letterLanguage === 'en'
          ? [paragraph('Our explanation:'), ...letterParagraphs(letter)]
          : [paragraph('Our full explanation is in the Chinese section above.')]
        : []),
      ...(reviewBy
        ? [
            paragraph(
              'If you disagree with this decision, you may ask us to review it until ',
              strong(reviewBy.en),
              `. To do so, reply to this e-mail with your reasons and keep the reference [${f.reference}] in the subject line.`,
            ),
          ]
        : []),
      contactBlock(f, 'en'),
      ...statusBlocks(f, 'en'),
      ...(reviewBy ? [] : [replyBlock(f, 'en')]),
      paragraph('Thank you for bringing this matter to us.'),
    ];
  };

  return render(input, f.reference, decisionTitles, (language) =>
    language === 'zh-CN' ? zhSection() : enSection(),
  );
};

// ---------------------------------------------------------------------------------------------
// Review (核查): received, and its answer

export interface ReviewReceivedNoticeInput extends CustomerNoticeInput {
  /** UTC ISO-8601 instants. */
  requestedAt: string;
  reviewDecideBy: string;
}

const reviewReceivedTitles: Localised = {
  'zh-CN': '核查申请受理通知',
  en: 'We have received your request for a review',
};

export const renderReviewReceivedNotice = (input: ReviewReceivedNoticeInput): RenderedEmail => {
  const f = commonFacts(input);
  const requestedAt = datesOf(input.requestedAt, input, 'requestedAt');
  const decideBy = datesOf(input.reviewDecideBy, input, 'reviewDecideBy');

  return render(input, f.reference, reviewReceivedTitles, (language) =>
    language === 'zh-CN'
      ? [
          heading(reviewReceivedTitles['zh-CN']),
          greeting(f, language),
          paragraph('我们已于', strong(requestedAt['zh-CN']), '收到您对投诉处理结果的核查申请。'),
          summary(f, language, [
            ['申请时间', requestedAt['zh-CN']],
            ['核查答复期限', decideBy['zh-CN']],
          ]),
          paragraph('核查由上级单位负责人办理，我们将于', strong(decideBy['zh-CN']), '前将核查结果告知您。'),
          contactBlock(f, language),
          ...statusBlocks(f, language),
          replyBlock(f, language),
          paragraph('感谢您的耐心等待！'),
        ]
      : [
          heading(reviewReceivedTitles.en),
          greeting(f, language),
          paragraph('On ', strong(requestedAt.en), ' we received your request for a review of our decision.'),
          summary(f, language, [
            ['Requested', requestedAt.en],
            ['Review answer by', decideBy.en],
          ]),
          paragraph(
            'A senior manager of the unit above the one that decided will look at your complaint again, and we will tell you the outcome by ',
            strong(decideBy.en),
            '.',
          ),
          contactBlock(f, language),
          ...statusBlocks(f, language),
          replyBlock(f, language),
          paragraph('Thank you for waiting.'),
        ],
  );
};

export interface ReviewDecisionNoticeInput extends CustomerNoticeInput {
  outcome: 'confirmed' | 'revised';
  /** The decision in force after the review. */
  decision: Decision;
  remedy?: string;
  compensation?: { amount: string; currency: string };
  /** The reviewer's explanation; its paragraphs are kept. */
  letter?: string;
}

const reviewDecisionTitles: Localised = { 'zh-CN': '核查结果通知', en: 'The outcome of the review' };

export const renderReviewDecisionNotice = (input: ReviewDecisionNoticeInput): RenderedEmail => {
  const f = commonFacts(input);
  const words = decisionWords[input.decision];
  const compensation = input.compensation ? formatMoney(input.compensation) : undefined;
  const remedy = optionalText(input.remedy);
  const letter = optionalText(input.letter);
  const revised = input.outcome === 'revised';

  const zhSection = (): Block[] => {
    const rows: [string, string][] = [
      ['核查结论', revised ? '变更原处理结果' : '维持原处理结果'],
      ['处理结论', `投诉${words['zh-CN']}`],
    ];
    if (compensation) rows.push(['补偿金额', compensation['zh-CN']]);
    return [
      heading(reviewDecisionTitles['zh-CN']),
      greeting(f, 'zh-CN'),
      paragraph(
        '您申请核查的投诉已由上级单位负责人重新审查。',
        revised ? strong('原处理结果已变更') : strong('原处理结果维持不变'),
        '，核查结果如下。',
      ),
      summary(f, 'zh-CN', rows),
      ...(remedy ? [labelled('处理措施：', remedy)] : []),
      ...(letter
        ? input.language === 'zh-CN'
          ? [paragraph('核查说明：'), ...letterParagraphs(letter)]
          : [paragraph('核查说明全文见下方英文部分。')]
        : []),
      paragraph('本次核查为最终答复。如仍有异议，您可向金融监管部门反映或依法申请调解、仲裁、诉讼。'),
      contactBlock(f, 'zh-CN'),
      ...statusBlocks(f, 'zh-CN'),
      replyBlock(f, 'zh-CN'),
      paragraph('感谢您对我们工作的理解与支持！'),
    ];
  };

  const enSection = (): Block[] => {
    const rows: [string, string][] = [
      ['Review outcome', revised ? 'Decision changed' : 'Decision confirmed'],
      ['Our decision', capitalised(words.en)],
    ];
    if (compensation) rows.push(['Compensation', compensation.en]);
    return [
      heading(reviewDecisionTitles.en),
      greeting(f, 'en'),
      paragraph(
        'A senior manager of the unit above has looked at your complaint again. ',
        revised ? strong('Our decision has changed') : strong('Our decision stands'),
        '; the outcome is set out below.',
      ),
      summary(f, 'en', rows),
      ...(remedy ? [labelled('What we will do to put things right:', remedy)] : []),
      ...(letter
        ? input.language === 'en'
          ? [paragraph('Our explanation:'), ...letterParagraphs(letter)]
          : [paragraph('Our full explanation is in the Chinese section above.')]
        : []),
      paragraph(
        'This is our final answer. If you still disagree, you may take the matter to the financial regulator, or to mediation, arbitration or the courts.',
      ),
      contactBlock(f, 'en'),
      ...statusBlocks(f, 'en'),
      replyBlock(f, 'en'),
      paragraph('Thank you for bringing this matter to us.'),
    ];
  };

  return render(input, f.reference, reviewDecisionTitles, (language) =>
    language === 'zh-CN' ? zhSection() : enSection(),
  );
};
