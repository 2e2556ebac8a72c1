import type { ClockPolicy } from '../clock-policy-types.js';

/** Directive (EU) 2015/2366 (PSD2), Article 101: payment service complaints. */
export const euPsd2: ClockPolicy = {
  id: 'eu-psd2',
  name: 'EU payment services complaints (PSD2)',
  source: 'Directive (EU) 2015/2366, Article 101(2)',
  // No EU-wide holiday list exists; a bank registers its member state's calendar and uses it instead.
  defaultCalendarId: 'weekdays-utc',
  // "On receipt" is read as: by the end of the working day the complaint arrives (or the next one).
  acknowledgeWithin: { unit: 'business_days', amount: 0 },
  decideWithin: { unit: 'business_days', amount: 15 },
  extensions: [
    {
      step: 1,
      label: 'exceptional',
      decideWithin: { unit: 'business_days', amount: 35 },
      requiresApproval: false,
      customerMustBeTold: true,
      description:
        'Reasons beyond the provider’s control: a holding reply giving the reasons for the delay and the ' +
        'date of the final reply, at most 35 business days after receipt.',
    },
  ],
  pausesStopClock: false,
  greenChannel: {
    acknowledgeWithin: { unit: 'hours', amount: 2 },
    decideWithin: { unit: 'business_days', amount: 10 },
    rationale:
      'Urgent or vulnerable customers: acknowledged within 2 hours, answered within 10 business days.',
  },
  reminderShare: 0.8,
};
