import type { Language } from '../../../shared/domain/case/case-types.js';

/** Times are stored in UTC; customers read them in the bank's zone, whatever their device says. */
export const BANK_TIME_ZONE = 'Asia/Shanghai';

const locales: Readonly<Record<Language, string>> = { 'zh-CN': 'zh-CN', en: 'en-GB' };

const formatters = new Map<Language, Intl.DateTimeFormat>();

const formatterFor = (language: Language): Intl.DateTimeFormat => {
  const cached = formatters.get(language);
  if (cached !== undefined) return cached;
  const formatter = new Intl.DateTimeFormat(locales[language], {
    timeZone: BANK_TIME_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  formatters.set(language, formatter);
  return formatter;
};

/** A UTC instant as date and time in the bank's zone; text that is not a date is shown unchanged. */
export const formatBankTime = (iso: string, language: Language): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatterFor(language).format(date);
};
