import type { ClockPolicy } from '../clock-policy-types.js';

/** 银行保险机构消费投诉处理管理办法 (2020): mainland banks and insurers. */
export const cn2020: ClockPolicy = {
  id: 'cn-2020',
  name: 'CN banking and insurance consumer complaints (2020 rules)',
  source: '银行保险机构消费投诉处理管理办法 (2020)',
  defaultCalendarId: 'cn-mainland',
  // The rules set no acknowledgement deadline; one working day is the bank's internal target.
  acknowledgeWithin: { unit: 'business_days', amount: 1 },
  decideWithin: { unit: 'calendar_days', amount: 15 },
  extensions: [
    {
      step: 1,
      label: 'complex',
      decideWithin: { unit: 'calendar_days', amount: 30 },
      requiresApproval: false,
      customerMustBeTold: true,
      description: 'Complex case: extended to 30 days from receipt; the customer is told the new date.',
    },
    {
      step: 2,
      label: 'especially_complex',
      decideWithin: { unit: 'calendar_days', amount: 60 },
      requiresApproval: true,
      customerMustBeTold: true,
      description:
        'Especially complex case: a further 30 days (60 at most) with approval of a superior institution; ' +
        'the customer is told the reason and the new date.',
    },
  ],
  // Time in external appraisal, testing or verification does not count; the customer is told.
  pausesStopClock: true,
  review: {
    requestWithin: { unit: 'calendar_days', amount: 30 },
    decideWithin: { unit: 'calendar_days', amount: 30 },
  },
  greenChannel: {
    acknowledgeWithin: { unit: 'hours', amount: 2 },
    decideWithin: { unit: 'calendar_days', amount: 7 },
    rationale:
      '绿色通道: urgent, elderly or vulnerable customers are acknowledged within 2 hours and answered within ' +
      '7 days, half the statutory 15; an extension, once in force, replaces the 7-day target.',
  },
  reminderShare: 0.8,
};
