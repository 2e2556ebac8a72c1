import type { Calendar } from '../calendar-types.js';

/** Monday to Friday in UTC with no holidays: a neutral default for banks that register their own calendar. */
export const weekdaysUtc: Calendar = {
  id: 'weekdays-utc',
  name: 'Monday to Friday, UTC, no holidays',
  timeZone: 'UTC',
  weekend: [6, 7],
  holidays: [],
  extraWorkingDays: [],
  coversYears: 'all',
  provisionalYears: [],
};
