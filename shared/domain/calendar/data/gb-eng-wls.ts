import type { Calendar } from '../calendar-types.js';

/**
 * Bank holidays in England and Wales as published on gov.uk/bank-holidays. When Christmas or
 * Boxing Day falls on a weekend the substitute weekday is the bank holiday, so that weekday is
 * listed (the weekend day is already non-working).
 */
export const gbEngWls: Calendar = {
  id: 'gb-eng-wls',
  name: 'England and Wales bank holidays',
  timeZone: 'Europe/London',
  weekend: [6, 7],
  holidays: [
    '2025-01-01', // New Year's Day
    '2025-04-18', // Good Friday
    '2025-04-21', // Easter Monday
    '2025-05-05', // Early May bank holiday
    '2025-05-26', // Spring bank holiday
    '2025-08-25', // Summer bank holiday
    '2025-12-25', // Christmas Day
    '2025-12-26', // Boxing Day
    '2026-01-01', // New Year's Day
    '2026-04-03', // Good Friday
    '2026-04-06', // Easter Monday
    '2026-05-04', // Early May bank holiday
    '2026-05-25', // Spring bank holiday
    '2026-08-31', // Summer bank holiday
    '2026-12-25', // Christmas Day
    '2026-12-28', // Boxing Day (substitute day; 26 Dec is a Saturday)
    '2027-01-01', // New Year's Day
    '2027-03-26', // Good Friday
    '2027-03-29', // Easter Monday
    '2027-05-03', // Early May bank holiday
    '2027-05-31', // Spring bank holiday
    '2027-08-30', // Summer bank holiday
    '2027-12-27', // Christmas Day (substitute day; 25 Dec is a Saturday)
    '2027-12-28', // Boxing Day (substitute day; 26 Dec is a Sunday)
  ],
  extraWorkingDays: [],
  coversYears: { from: 2025, to: 2027 },
  provisionalYears: [],
};
