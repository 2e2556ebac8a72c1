import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../shared/templates/template-dates.js';
import { TemplateInputError } from '../../shared/templates/template-errors.js';

describe('customer-facing dates', () => {
  it('shows the end of a Beijing day as that day, in Chinese and English', () => {
    const decideBy = '2026-12-08T15:59:59.999Z';
    expect(formatDateTime(decideBy, 'zh-CN', 'Asia/Shanghai')).toBe('2026年12月8日 23:59（北京时间）');
    expect(formatDateTime(decideBy, 'en', 'Asia/Shanghai')).toBe('8 December 2026, 23:59 (UTC+8)');
  });

  it('moves to the next local day when UTC is still on the previous one', () => {
    expect(formatDateTime('2026-12-08T16:00:00.000Z', 'zh-CN', 'Asia/Shanghai')).toBe(
      '2026年12月9日 00:00（北京时间）',
    );
  });

  it('labels other zones by their offset at that instant, including summer time and half hours', () => {
    expect(formatDateTime('2026-07-01T09:30:00Z', 'en', 'Europe/London')).toBe('1 July 2026, 10:30 (UTC+1)');
    expect(formatDateTime('2026-01-01T09:30:00Z', 'en', 'Europe/London')).toBe('1 January 2026, 09:30 (UTC)');
    expect(formatDateTime('2026-01-01T09:30:00Z', 'zh-CN', 'Asia/Kolkata')).toBe(
      '2026年1月1日 15:00（UTC+5:30）',
    );
    expect(formatDateTime('2026-01-01T09:30:00Z', 'en', 'America/New_York')).toBe(
      '1 January 2026, 04:30 (UTC-5)',
    );
  });

  it('refuses instants without a zone and unknown time zones', () => {
    expect(() => formatDateTime('2026-12-08T15:59:59', 'en', 'Asia/Shanghai', 'decideBy')).toThrow(
      TemplateInputError,
    );
    expect(() => formatDateTime('2026-12-08T15:59:59Z', 'en', 'Mars/Olympus')).toThrow(TemplateInputError);
  });
});
