import { parseInstant } from '../domain/calendar/local-time.js';
import type { Language } from '../domain/case/case-types.js';
import { TemplateInputError } from './template-errors.js';

/**
 * Customer-facing dates: shown in the bank's zone (never the server's), with the zone named,
 * because a promised reply date is only a promise if the customer reads it the same way.
 */

// Zones that observe China Standard Time; customers know it as 北京时间 rather than an offset.
const beijingTimeZones = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin', 'PRC']);

const englishMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

interface ZonedParts {
  year: string;
  month: number;
  day: string;
  hour: string;
  minute: string;
  /** Offset from UTC at that instant, e.g. `UTC+8`, `UTC+5:30`, `UTC`. */
  offsetLabel: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

// Numeric parts only, so the output does not depend on how a given ICU build spells dates.
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
  } catch {
    throw new TemplateInputError('timeZone', `is not a known IANA time zone: ${timeZone}`);
  }
  formatters.set(timeZone, formatter);
  return formatter;
};

const offsetLabelOf = (gmtOffset: string): string => {
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(gmtOffset);
  if (!match) return 'UTC';
  const [, sign, hours, minutes] = match;
  if (Number(hours) === 0 && minutes === '00') return 'UTC';
  return `UTC${sign}${Number(hours)}${minutes === '00' ? '' : `:${minutes}`}`;
};

const zonedParts = (field: string, instant: string, timeZone: string): ZonedParts => {
  let epochMillis: number;
  try {
    epochMillis = parseInstant(instant);
  } catch {
    throw new TemplateInputError(field, `is not an ISO-8601 instant with Z or an offset: ${instant}`);
  }
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMillis));
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: part('year'),
    month: Number(part('month')),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    offsetLabel: offsetLabelOf(part('timeZoneName')),
  };
};

/**
 * A date and time for the customer, in `timeZone`:
 * zh-CN `2026年12月8日 23:59（北京时间）`, en `8 December 2026, 23:59 (UTC+8)`.
 * `field` names the input in the error raised for an unusable instant.
 */
export const formatDateTime = (
  instant: string,
  language: Language,
  timeZone: string,
  field = 'instant',
): string => {
  const p = zonedParts(field, instant, timeZone);
  if (language === 'zh-CN') {
    const zone = beijingTimeZones.has(timeZone) && p.offsetLabel === 'UTC+8' ? '北京时间' : p.offsetLabel;
    return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}（${zone}）`;
  }
  return `${p.day} ${englishMonths[p.month - 1] ?? p.month} ${p.year}, ${p.hour}:${p.minute} (${p.offsetLabel})`;
};
