import type { ClockPolicy } from '../clock-policy-types.js';

/** Complaints sent to the bank through the CFPB company portal. */
export const usCfpb: ClockPolicy = {
  id: 'us-cfpb',
  name: 'US CFPB complaint portal',
  source:
    'CFPB company portal: response within 15 days; after an "in progress" response, final within 60 days',
  // Calendar days only, so the holiday list does not matter; a bank may still choose its own zone.
  defaultCalendarId: 'weekdays-utc',
  // The portal sets no acknowledgement clock (normal priority has none).
  decideWithin: { unit: 'calendar_days', amount: 15 },
  extensions: [
    {
      step: 1,
      label: 'in_progress',
      decideWithin: { unit: 'calendar_days', amount: 60 },
      requiresApproval: false,
      customerMustBeTold: true,
      description: 'An "in progress" response within 15 days; the final response within 60 days of receipt.',
    },
  ],
  pausesStopClock: false,
  greenChannel: {
    acknowledgeWithin: { unit: 'hours', amount: 2 },
    decideWithin: { unit: 'calendar_days', amount: 7 },
    rationale: 'Urgent or vulnerable customers: acknowledged within 2 hours, answered within 7 days.',
  },
  reminderShare: 0.8,
};
