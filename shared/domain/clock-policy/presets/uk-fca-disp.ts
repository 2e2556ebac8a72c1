import type { ClockPolicy } from '../clock-policy-types.js';

/** FCA Handbook DISP 1.6: complaints other than payment services and e-money. */
export const ukFcaDisp: ClockPolicy = {
  id: 'uk-fca-disp',
  name: 'UK FCA complaints (DISP)',
  source: 'FCA Handbook DISP 1.5 (summary resolution), DISP 1.6.1R and DISP 1.6.2R (eight weeks)',
  defaultCalendarId: 'gb-eng-wls',
  // DISP 1.6.1R asks for a prompt written acknowledgement; 5 business days is the default reading of "promptly".
  acknowledgeWithin: { unit: 'business_days', amount: 5 },
  decideWithin: { unit: 'calendar_days', amount: 56 },
  // Resolved by the close of the third business day after receipt: a summary resolution communication suffices.
  summaryResolutionWithin: { unit: 'business_days', amount: 3 },
  extensions: [],
  pausesStopClock: false,
  greenChannel: {
    acknowledgeWithin: { unit: 'hours', amount: 2 },
    decideWithin: { unit: 'calendar_days', amount: 28 },
    rationale:
      'Customers in vulnerable circumstances: acknowledged within 2 hours and a final response aimed at ' +
      '4 weeks, half the 8-week limit (and the 4-week bucket of the complaints return).',
  },
  reminderShare: 0.8,
};
