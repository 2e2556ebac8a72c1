import type { ComplaintCase, Language } from '../domain/case/case-types.js';
import { type EscalationLadder, levelAt, topLevel } from '../domain/escalation/escalation-ladder.js';
import { type SlaRecipient, slaNotifiedRoles, slaRecipientsFor } from '../domain/sla/sla-recipients.js';
import type { EscalationTrigger, SlaAction } from '../domain/sla/sla-types.js';
import { checkedReference, type RenderedEmail, renderBilingualEmail } from './bilingual-email.js';
import { type Block, field, fields, heading, paragraph, strong } from './message-blocks.js';
import { singleLine, truncateText } from './plain-text.js';
import { formatDateTime } from './template-dates.js';

/** A staff notice about a case's clock, with the roles it goes to; the mailer resolves roles to people. */
export interface SlaNotice extends RenderedEmail {
  recipients: SlaRecipient[];
}

export interface SlaNoticeContext {
  now: Date;
  ladder: EscalationLadder;
  /** The bank's IANA zone, in which every date is shown. */
  timeZone: string;
  /** Which language comes first; staff of a mainland bank read Chinese first. @default 'zh-CN' */
  language?: Language;
}

// Long enough to recognise the complaint in a list of notices.
const maxQuotedSubject = 120;
const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
}

const partsOf = (ms: number): DurationParts => ({
  days: Math.floor(ms / dayMs),
  hours: Math.floor((ms % dayMs) / hourMs),
  minutes: Math.floor((ms % hourMs) / minuteMs),
});

// Two units are enough to act on; "3 days 4 hours" reads better than down to the minute.
const zhDuration = ({ days, hours, minutes }: DurationParts): string => {
  if (days > 0) return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`;
  if (hours > 0) return minutes > 0 ? `${hours} 小时 ${minutes} 分钟` : `${hours} 小时`;
  return minutes > 0 ? `${minutes} 分钟` : '不足 1 分钟';
};

const unit = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

const enDuration = ({ days, hours, minutes }: DurationParts): string => {
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0)
    return minutes > 0 ? `${unit(hours, 'hour')} ${unit(minutes, 'minute')}` : unit(hours, 'hour');
  return minutes > 0 ? unit(minutes, 'minute') : 'less than a minute';
};

/** `逾期 2 天 3 小时` / `2 days 3 hours overdue`, or the time left while the deadline is ahead. */
export const formatLateness = (deadline: string, now: Date, language: Language): string => {
  const lateMs = now.getTime() - Date.parse(deadline);
  const parts = partsOf(Math.abs(lateMs));
  if (language === 'zh-CN') return lateMs > 0 ? `逾期 ${zhDuration(parts)}` : `剩余 ${zhDuration(parts)}`;
  return lateMs > 0 ? `${enDuration(parts)} overdue` : `${enDuration(parts)} left`;
};

interface NoticeFacts {
  reference: string;
  quotedSubject: string;
  deadline: Record<Language, string>;
  lateness: Record<Language, string>;
  handler: string | undefined;
  assignedUnit: string | undefined;
  firstResponder: string | undefined;
  branchCode: string | undefined;
  greenChannel: boolean;
  level: { label: Record<Language, string>; number: number; of: number } | undefined;
}

const titles = (action: SlaAction, facts: NoticeFacts): Record<Language, string> => {
  switch (action.kind) {
    case 'acknowledgement_overdue':
      return { 'zh-CN': '投诉受理告知逾期', en: 'Complaint not acknowledged in time' };
    case 'decision_reminder':
      return { 'zh-CN': '投诉答复督办提醒', en: 'Complaint decision due soon' };
    case 'decision_breach':
      return { 'zh-CN': '投诉答复超时', en: 'Complaint decision overdue' };
    case 'escalate':
      return {
        'zh-CN': `投诉逐级上报：${facts.level?.label['zh-CN'] ?? ''}`,
        en: `Complaint escalated to ${facts.level?.label.en ?? ''}`,
      };
  }
};

const zhTrigger: Record<EscalationTrigger, string> = {
  decision_deadline: '已超过答复期限仍未答复',
  reminder_point: '为绿色通道投诉，已到督办提醒时点仍未答复',
  rung_interval: '经上一级督办后仍未解决',
};

const enTrigger: Record<EscalationTrigger, string> = {
  decision_deadline: 'has passed its decision deadline without a decision',
  reminder_point: 'is a green-channel complaint that reached its reminder point without a decision',
  rung_interval: 'is still unresolved after its time with the previous level',
};

const zhLead = (action: SlaAction, f: NoticeFacts): Block => {
  switch (action.kind) {
    case 'acknowledgement_overdue':
      return paragraph(
        '以下投诉未在受理期限内告知客户受理情况。请首问负责人立即联系客户告知投诉编号、答复期限和联系人，并在系统中登记；请网点负责人督促落实。',
      );
    case 'decision_reminder':
      return paragraph(
        '以下投诉即将到达答复期限（督办）。请经办人抓紧处理并按时答复客户，请首问负责人跟进督促。',
      );
    case 'decision_breach':
      return paragraph(
        '以下投诉已超过答复期限仍未答复，已登记为超时，并将按规定逐级上报。请经办人立即处理，首问负责人跟进直至客户满意。',
      );
    case 'escalate':
      return paragraph(
        `以下投诉${zhTrigger[action.trigger]}，现逐级上报至`,
        strong(f.level?.label['zh-CN'] ?? ''),
        '，请督促相关人员尽快处理并答复客户。',
      );
  }
};

const enLead = (action: SlaAction, f: NoticeFacts): Block => {
  switch (action.kind) {
    case 'acknowledgement_overdue':
      return paragraph(
        'The customer was not told in time that this complaint was received. First responder: contact the customer now with the reference, the reply date and a contact, and record it. Branch head: please see that this is done.',
      );
    case 'decision_reminder':
      return paragraph(
        'The decision on this complaint is due soon. Handler: please finish the work and answer the customer on time. First responder: please follow it up.',
      );
    case 'decision_breach':
      return paragraph(
        'This complaint has passed its decision deadline without a decision. The breach is recorded and the complaint goes up the escalation ladder. Handler: please act now. First responder: please follow it up until the customer is satisfied.',
      );
    case 'escalate':
      return paragraph(
        `This complaint ${enTrigger[action.trigger]} and has been escalated to `,
        strong(f.level?.label.en ?? ''),
        '. Please see that it is resolved and the customer answered without delay.',
      );
  }
};

const deadlineLabels = (action: SlaAction): Record<Language, string> =>
  action.kind === 'acknowledgement_overdue'
    ? { 'zh-CN': '受理告知期限', en: 'Acknowledge by' }
    : { 'zh-CN': '答复期限', en: 'Decision due by' };

const zhSection = (action: SlaAction, f: NoticeFacts): Block[] => [
  heading(titles(action, f)['zh-CN']),
  zhLead(action, f),
  fields([
    field('投诉编号', f.reference),
    field('投诉事项', `“${f.quotedSubject}”`),
    ...(f.greenChannel ? [field('优先级', '绿色通道')] : []),
    field(deadlineLabels(action)['zh-CN'], f.deadline['zh-CN']),
    field('时限状态', strong(f.lateness['zh-CN'])),
    field('经办人', f.handler ?? '未指派'),
    field('承办单位', f.assignedUnit ?? '未指定'),
    field('首问负责人', f.firstResponder ?? '未登记'),
    ...(f.branchCode ? [field('受理网点', f.branchCode)] : []),
    ...(f.level
      ? [field('上报层级', `${f.level.label['zh-CN']}（第 ${f.level.number} 级，共 ${f.level.of} 级）`)]
      : []),
  ]),
  paragraph(
    '首问负责人对本投诉负责直至客户满意，转办不免除其责任。本通知由投诉时限监控自动发送，并已记入投诉台账。',
  ),
];

const enSection = (action: SlaAction, f: NoticeFacts): Block[] => [
  heading(titles(action, f).en),
  enLead(action, f),
  fields([
    field('Reference', f.reference),
    field('Complaint', `“${f.quotedSubject}”`),
    ...(f.greenChannel ? [field('Priority', 'Green channel')] : []),
    field(deadlineLabels(action).en, f.deadline.en),
    field('Status', strong(f.lateness.en)),
    field('Handler', f.handler ?? 'not assigned'),
    field('Unit', f.assignedUnit ?? 'not assigned'),
    field('First responder', f.firstResponder ?? 'not recorded'),
    ...(f.branchCode ? [field('Branch', f.branchCode)] : []),
    ...(f.level
      ? [field('Escalation level', `${f.level.label.en} (level ${f.level.number} of ${f.level.of})`)]
      : []),
  ]),
  paragraph(
    'The first responder stays answerable for this complaint until the customer is satisfied, whoever handles it now. This notice was sent by the complaint clock and is recorded on the case ledger.',
  ),
];

const optionalLine = (value: string | undefined): string | undefined => {
  const cleaned = value === undefined ? '' : truncateText(singleLine(value), 80);
  return cleaned === '' ? undefined : cleaned;
};

const levelFacts = (action: SlaAction, ladder: EscalationLadder): NoticeFacts['level'] => {
  if (action.kind !== 'escalate') return undefined;
  const rung = levelAt(ladder, action.toLevel);
  const label = rung?.labels ?? { 'zh-CN': action.role, en: action.role };
  return { label, number: action.toLevel, of: topLevel(ladder) };
};

/**
 * The staff notice for one SLA action: what the case is, the deadline in the bank's zone, how late
 * it is (or how long is left, for a reminder), who holds it, and for an escalation the rung it
 * reached. Chinese first by default; the complaint's subject is customer text and is quoted on one
 * line, escaped in the HTML body like every other value.
 */
export const slaNotice = (c: ComplaintCase, action: SlaAction, ctx: SlaNoticeContext): SlaNotice => {
  const date = (language: Language): string =>
    formatDateTime(action.deadline, language, ctx.timeZone, 'deadline');
  const facts: NoticeFacts = {
    reference: checkedReference(c.reference),
    quotedSubject: truncateText(singleLine(c.subject), maxQuotedSubject),
    deadline: { 'zh-CN': date('zh-CN'), en: date('en') },
    lateness: {
      'zh-CN': formatLateness(action.deadline, ctx.now, 'zh-CN'),
      en: formatLateness(action.deadline, ctx.now, 'en'),
    },
    handler: optionalLine(c.handler),
    assignedUnit: optionalLine(c.assignedUnit),
    firstResponder: optionalLine(c.firstResponder),
    branchCode: optionalLine(c.branchCode),
    greenChannel: c.priority === 'green_channel',
    level: levelFacts(action, ctx.ladder),
  };
  const rendered = renderBilingualEmail({
    reference: facts.reference,
    language: ctx.language ?? 'zh-CN',
    titles: titles(action, facts),
    sections: { 'zh-CN': zhSection(action, facts), en: enSection(action, facts) },
  });
  const roles = slaNotifiedRoles(
    action.kind,
    ctx.ladder,
    action.kind === 'escalate' ? action.role : undefined,
  );
  return { ...rendered, recipients: slaRecipientsFor(c, roles) };
};
