import type { ClockPolicy } from '../clock-policy-types.js';

/** FCA Handbook DISP 1.6.2AR: payment services and e-money complaints. */
export const ukFcaDispPayments: ClockPolicy = {
  id: 'uk-fca-disp-payments',
  name: 'UK FCA payment services and e-money complaints (DISP)',
  source: 'FCA Handbook DISP 1.6.2AR (15 business days, exceptionally 35)',
  defaultCalendarId: 'gb-eng-wls',
  acknowledgeWithin: { unit: 'business_days', amount: 5 },
  decideWithin: { unit: 'business_days', amount: 15 },
  summaryResolutionWithin: { unit: 'business_days', amount: 3 },
  extensions: [
    {
      step: 1,
      label: 'exceptional',
      decideWithin: { unit: 'business_days', amount: 35 },
      requiresApproval: false,
      customerMustBeTold: true,
      description:
        'Exceptional circumstances beyond the firm’s control: a holding reply giving the reasons and the ' +
        'date of the final response, at most 35 business days after receipt.',
    },
  ],
  pausesStopClock: false,
  greenChannel: {
    acknowledgeWithin: { unit: 'hours', amount: 2 },
    decideWithin: { unit: 'business_days', amount: 10 },
    rationale:
      'Customers in vulnerable circumstances: acknowledged within 2 hours, answered within 10 business days.',
  },
  reminderShare: 0.8,
};
