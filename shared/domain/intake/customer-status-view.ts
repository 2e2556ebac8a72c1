import type { z } from 'zod';
import type {
  customerHistoryEntrySchema,
  customerStatusSchema,
} from '../../schemas/customer-status-schema.js';
import { caseEventKinds } from '../case/case-event-kinds.js';
import type { CaseEvent, ComplaintCase, Language } from '../case/case-types.js';

export type CustomerHistoryEntry = z.infer<typeof customerHistoryEntrySchema>;
export type CustomerStatusView = z.infer<typeof customerStatusSchema>;

type Texts = Record<Language, string>;

/**
 * What the customer may see of the ledger. Internal steps (notes, assignments, who holds the
 * case, escalations inside the bank) stay internal; the customer sees what was promised and
 * what was decided.
 */
const customerTexts: Partial<Record<string, Texts>> = {
  [caseEventKinds.received]: { 'zh-CN': '我们已收到您的投诉。', en: 'We received your complaint.' },
  [caseEventKinds.registered]: {
    'zh-CN': '您的投诉已登记受理，并已指定专人负责。',
    en: 'Your complaint was registered and a named person is responsible for it.',
  },
  [caseEventKinds.acknowledged]: {
    'zh-CN': '我们已向您发送受理通知。',
    en: 'We sent you an acknowledgement.',
  },
  [caseEventKinds.infoRequested]: {
    'zh-CN': '我们需要您补充信息，工作人员将与您联系。',
    en: 'We need more information from you; a member of staff will contact you.',
  },
  [caseEventKinds.clockPaused]: {
    'zh-CN': '您的投诉正在进行外部鉴定或检测，期间不计入处理时限。',
    en: 'Your complaint is with an external appraisal or test; that time does not count towards the deadline.',
  },
  [caseEventKinds.clockResumed]: {
    'zh-CN': '外部鉴定或检测已完成，我们继续处理您的投诉。',
    en: 'The external appraisal or test is complete and we are handling your complaint again.',
  },
  [caseEventKinds.clockExtended]: {
    'zh-CN': '因情况复杂，答复期限已延长，我们已告知您新的答复日期。',
    en: 'The case is complex, so the reply date was extended; we told you the new date.',
  },
  [caseEventKinds.resolved]: {
    'zh-CN': '我们已作出处理决定并通知您。',
    en: 'We reached a decision and told you about it.',
  },
  [caseEventKinds.reviewRequested]: { 'zh-CN': '您已申请核查。', en: 'You asked for a review.' },
  [caseEventKinds.reviewDecided]: { 'zh-CN': '核查已完成。', en: 'The review is complete.' },
  [caseEventKinds.reopened]: {
    'zh-CN': '我们将与您再次沟通，直至问题解决。',
    en: 'We will contact you again until the matter is settled.',
  },
  [caseEventKinds.closed]: { 'zh-CN': '投诉已办结。', en: 'The complaint is closed.' },
  [caseEventKinds.withdrawn]: { 'zh-CN': '投诉已撤回。', en: 'The complaint was withdrawn.' },
  [caseEventKinds.merged]: {
    'zh-CN': '该投诉已与您的另一笔相同投诉合并处理。',
    en: 'This complaint was merged with another one of yours about the same matter.',
  },
};

export const customerStatusView = (
  complaint: ComplaintCase,
  events: readonly CaseEvent[],
  language: Language = complaint.language,
): CustomerStatusView => ({
  reference: complaint.reference,
  status: complaint.status,
  receivedAt: complaint.receivedAt,
  ...(complaint.deadlines?.acknowledgeBy ? { acknowledgeBy: complaint.deadlines.acknowledgeBy } : {}),
  ...(complaint.deadlines?.decideBy ? { decideBy: complaint.deadlines.decideBy } : {}),
  history: events.flatMap((event) => {
    const texts = customerTexts[event.kind];
    return texts === undefined ? [] : [{ at: event.at, kind: event.kind, text: texts[language] }];
  }),
});
