import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { Calendar } from '../domain/calendar/calendar-types.js';
import { isLocalDate, isoWeekdayOf, yearOf } from '../domain/calendar/local-time.js';

export const localDateSchema = z
  .string()
  .refine(isLocalDate, { message: 'must be a real calendar date written YYYY-MM-DD' });

const yearSchema = z.number().int().min(1970).max(9999);

export const yearCoverageSchema = z.union([
  z.literal('all'),
  z
    .strictObject({ from: yearSchema, to: yearSchema })
    .refine((range) => range.from <= range.to, { message: 'from must not be after to' }),
]);

const duplicatesIn = (values: readonly (string | number)[]): (string | number)[] =>
  values.filter((value, index) => values.indexOf(value) !== index);

/**
 * A calendar as a bank supplies it (JSON). Beyond shape, it rejects what would silently give
 * wrong deadlines: unknown zones, impossible dates, a date listed as both holiday and working
 * day, dates outside the declared years, "all years" coverage with finite holiday lists, and
 * provisional years the calendar does not cover (nothing would ever be flagged for them).
 */
export const calendarSchema: z.ZodType<Calendar> = z
  .strictObject({
    id: z
      .string()
      .max(64)
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be lower-case kebab-case' }),
    name: z.string().trim().min(1).max(200),
    timeZone: z
      .string()
      .refine((zone) => IANAZone.isValidZone(zone), { message: 'must be an IANA time zone' }),
    weekend: z
      .array(z.literal([1, 2, 3, 4, 5, 6, 7]))
      .max(6, { message: 'at least one day a week must be worked' }),
    holidays: z.array(localDateSchema),
    extraWorkingDays: z.array(localDateSchema),
    coversYears: yearCoverageSchema,
    // Optional in a bank's JSON: a calendar that does not mention it has no provisional years.
    provisionalYears: z.array(yearSchema).default([]),
  })
  .superRefine((calendar, ctx) => {
    for (const key of ['weekend', 'holidays', 'extraWorkingDays', 'provisionalYears'] as const) {
      for (const duplicate of new Set(duplicatesIn(calendar[key]))) {
        ctx.addIssue({ code: 'custom', path: [key], message: `${duplicate} is listed more than once` });
      }
    }
    const holidays = new Set(calendar.holidays);
    calendar.extraWorkingDays.forEach((day, index) => {
      if (holidays.has(day)) {
        ctx.addIssue({
          code: 'custom',
          path: ['extraWorkingDays', index],
          message: `${day} is listed both as a holiday and as an extra working day`,
        });
      }
      if (!calendar.weekend.some((weekday) => weekday === isoWeekdayOf(day))) {
        ctx.addIssue({
          code: 'custom',
          path: ['extraWorkingDays', index],
          message: `${day} is not a weekend day, so listing it as an extra working day has no effect`,
        });
      }
    });
    const coverage = calendar.coversYears;
    if (coverage === 'all') {
      if (calendar.holidays.length > 0 || calendar.extraWorkingDays.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['coversYears'],
          message: 'a calendar with listed days must name the years its lists cover',
        });
      }
      if (calendar.provisionalYears.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['provisionalYears'],
          message: 'a rule-only calendar (coversYears "all") has no provisional years',
        });
      }
      return;
    }
    calendar.provisionalYears.forEach((year, index) => {
      if (year < coverage.from || year > coverage.to) {
        ctx.addIssue({
          code: 'custom',
          path: ['provisionalYears', index],
          message: `${year} is outside coversYears ${coverage.from}-${coverage.to}`,
        });
      }
    });
    for (const key of ['holidays', 'extraWorkingDays'] as const) {
      calendar[key].forEach((day, index) => {
        const year = yearOf(day);
        if (year < coverage.from || year > coverage.to) {
          ctx.addIssue({
            code: 'custom',
            path: [key, index],
            message: `${day} is outside coversYears ${coverage.from}-${coverage.to}`,
          });
        }
      });
    }
  });
