import { addBusinessDays } from '../calendar/business-days.js';
import { addCalendarDays } from '../calendar/calendar-days.js';
import type { Calendar } from '../calendar/calendar-types.js';
import { parseInstant, toIsoUtc } from '../calendar/local-time.js';
import type { Period } from './clock-policy-types.js';

const hourMillis = 3_600_000;

/** Epoch ms at which a period that starts at `fromMillis` runs out, in the calendar's zone. */
export const periodEndMillis = (calendar: Calendar, fromMillis: number, period: Period): number => {
  switch (period.unit) {
    case 'hours':
      return fromMillis + period.amount * hourMillis;
    case 'calendar_days':
      return parseInstant(addCalendarDays(calendar, toIsoUtc(fromMillis), period.amount));
    case 'business_days':
      return parseInstant(addBusinessDays(calendar, toIsoUtc(fromMillis), period.amount));
  }
};

export const periodEnd = (calendar: Calendar, from: string, period: Period): string =>
  toIsoUtc(periodEndMillis(calendar, parseInstant(from), period));
