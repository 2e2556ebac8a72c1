import { DateTime, IANAZone } from 'luxon';
import { parseInstant } from '../domain/calendar/local-time.js';
import type { Language } from '../domain/case/case-types.js';
import { TemplateInputError } from './template-errors.js';

/**
 * Customer-facing dates: shown in the bank's zone (never the server's), with the zone named,
 * because a promised reply date is only a promise if the customer reads it the same way.
 */

// Zones that observe China Standard Time; customers know it as 北京时间 rather than an offset.
const beijingTimeZones = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin', 'PRC']);

const zonedInstant = (field: string, instant: string, timeZone: string): DateTime => {
  let epochMillis: number;
  try {
    epochMillis = parseInstant(instant);
  } catch {
    throw new TemplateInputError(field, `is not an ISO-8601 instant with Z or an offset: ${instant}`);
  }
  // Luxon would also take `system` or `UTC+8`; only a named IANA zone is a bank's zone.
  if (!IANAZone.isValidZone(timeZone)) {
    throw new TemplateInputError('timeZone', `is not a known IANA time zone: ${timeZone}`);
  }
  return DateTime.fromMillis(epochMillis).setZone(timeZone);
};

/** Offset from UTC at that instant: `UTC+8`, `UTC+5:30`, `UTC-5`, or `UTC` itself. */
const offsetLabel = (zoned: DateTime): string => (zoned.offset === 0 ? 'UTC' : `UTC${zoned.toFormat('Z')}`);

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
  const zoned = zonedInstant(field, instant, timeZone);
  const offset = offsetLabel(zoned);
  if (language === 'zh-CN') {
    const zone = beijingTimeZones.has(timeZone) && offset === 'UTC+8' ? '北京时间' : offset;
    return `${zoned.setLocale('zh-CN').toFormat("yyyy'年'M'月'd'日' HH:mm")}（${zone}）`;
  }
  return `${zoned.setLocale('en-GB').toFormat('d LLLL yyyy, HH:mm')} (${offset})`;
};
