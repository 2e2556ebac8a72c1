import type { Language } from '../domain/case/case-types.js';
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
import { singleLine, truncateText } from './plain-text.js';
import { formatDateTime } from './template-dates.js';
import { TemplateInputError } from './template-errors.js';

/**
 * Sent when a complaint is registered: 受理 means telling the customer reference, date and contact.
 * Anyone can type any address into the web form, so the mail carries nothing the sender wrote
 * (no name, no subject, no link or number of theirs): only the bank's reference, dates and its
 * own wording. The customer's words stay on the status page behind the token.
 */
export interface AcknowledgementInput {
  reference: string;
  language: Language;
  /** UTC ISO-8601 instants. */
  receivedAt: string;
  decideBy: string;
  /**
   * The answerable person or unit the customer may contact: one name for both sections, or the
   * name in each language (a desk's name is translated; a person's is not).
   */
  contact: { name: string | Readonly<Record<Language, string>>; email?: string; phone?: string };
  statusUrl: string;
  /** The bank's IANA zone, in which every date is shown. */
  timeZone: string;
}

const maxName = 80;

const titles: Record<Language, string> = {
  'zh-CN': '投诉受理通知',
  en: 'Complaint received',
};

interface AcknowledgementFacts {
  reference: string;
  receivedAt: Record<Language, string>;
  decideBy: Record<Language, string>;
  contactName: Record<Language, string>;
  contactEmail: string | undefined;
  contactPhone: string | undefined;
  statusUrl: string;
}

const optionalLine = (value: string | undefined, max: number): string | undefined => {
  const cleaned = value === undefined ? '' : truncateText(singleLine(value), max);
  return cleaned === '' ? undefined : cleaned;
};

const contactMeans = (facts: AcknowledgementFacts, labels: { email: string; phone: string }): string[] => [
  ...(facts.contactEmail ? [`${labels.email}${facts.contactEmail}`] : []),
  ...(facts.contactPhone ? [`${labels.phone}${facts.contactPhone}`] : []),
];

const chineseSection = (f: AcknowledgementFacts): Block[] => {
  const means = contactMeans(f, { email: '电子邮箱：', phone: '联系电话：' });
  const contact: Inline[] = [
    `如有疑问，请联系${f.contactName['zh-CN']}${means.length > 0 ? `（${means.join('；')}）` : ''}。`,
  ];
  return [
    heading(titles['zh-CN']),
    paragraph('尊敬的客户：'),
    paragraph(
      '您的投诉已受理，我们已登记在案。投诉编号为',
      strong(f.reference),
      '，请妥善保存，以便查询办理进度。',
    ),
    fields([
      field('投诉编号', f.reference),
      field('收到时间', f.receivedAt['zh-CN']),
      field('答复期限', f.decideBy['zh-CN']),
    ]),
    paragraph('我们将认真核实您反映的问题，并于', strong(f.decideBy['zh-CN']), '前给您答复。'),
    paragraph(...contact),
    paragraph('您可随时通过以下链接查询投诉办理进度：', link(f.statusUrl, 'statusUrl')),
    paragraph(
      `如需回复本邮件，请保留邮件主题中的投诉编号“[${f.reference}]”，以便我们将您的回复及时归入本投诉。`,
    ),
    paragraph('感谢您的理解与支持！'),
  ];
};

const englishSection = (f: AcknowledgementFacts): Block[] => {
  const means = contactMeans(f, { email: 'e-mail: ', phone: 'phone: ' });
  return [
    heading(titles.en),
    paragraph('Dear customer,'),
    paragraph(
      'We have registered your complaint. Your reference is ',
      strong(f.reference),
      '; please keep it, as you will need it to follow your complaint.',
    ),
    fields([
      field('Reference', f.reference),
      field('Received', f.receivedAt.en),
      field('Reply due by', f.decideBy.en),
    ]),
    paragraph('We will look into the matter and give you our answer by ', strong(f.decideBy.en), '.'),
    paragraph(
      `If you have any questions, please contact ${f.contactName.en}${means.length > 0 ? ` (${means.join('; ')})` : ''}.`,
    ),
    paragraph(
      'You can check the progress of your complaint at any time here: ',
      link(f.statusUrl, 'statusUrl'),
    ),
    paragraph(
      `If you reply to this e-mail, please keep the reference [${f.reference}] in the subject line so that your reply is added to this complaint.`,
    ),
    paragraph('Thank you for your patience.'),
  ];
};

const bothLanguages = (format: (language: Language) => string): Record<Language, string> => ({
  'zh-CN': format('zh-CN'),
  en: format('en'),
});

export const renderAcknowledgement = (input: AcknowledgementInput): RenderedEmail => {
  const { name } = input.contact;
  const zhName = optionalLine(typeof name === 'string' ? name : name['zh-CN'], maxName);
  const enName = optionalLine(typeof name === 'string' ? name : name.en, maxName);
  if (zhName === undefined || enName === undefined) {
    throw new TemplateInputError('contact.name', 'must name who to contact');
  }
  const contactName: Record<Language, string> = { 'zh-CN': zhName, en: enName };
  const facts: AcknowledgementFacts = {
    reference: checkedReference(input.reference),
    receivedAt: bothLanguages((language) =>
      formatDateTime(input.receivedAt, language, input.timeZone, 'receivedAt'),
    ),
    decideBy: bothLanguages((language) =>
      formatDateTime(input.decideBy, language, input.timeZone, 'decideBy'),
    ),
    contactName,
    contactEmail: optionalLine(input.contact.email, 254),
    contactPhone: optionalLine(input.contact.phone, 40),
    statusUrl: input.statusUrl,
  };
  return renderBilingualEmail({
    reference: facts.reference,
    language: input.language,
    titles,
    sections: { 'zh-CN': chineseSection(facts), en: englishSection(facts) },
  });
};
