import type { Calendar } from '../calendar-types.js';

/**
 * Mainland China public holidays (放假) and make-up working days (调休上班), copied day by day
 * from the State Council General Office's yearly notice. Holiday spans include the weekend
 * days inside them because the notice lists the whole span as 放假.
 *
 * 2027 is not listed: its notice was not available to check against when this data was
 * written. Until it is added (and `coversYears.to` raised), any working-day question about
 * 2027 throws CalendarCoverageError instead of guessing.
 */

/** 国务院办公厅关于2025年部分节假日安排的通知, 12 Nov 2024 (gov.cn/zhengce/zhengceku/202411/content_6986383.htm). */
const holidays2025 = [
  '2025-01-01', // 元旦
  '2025-01-28', // 春节 28 Jan - 4 Feb
  '2025-01-29',
  '2025-01-30',
  '2025-01-31',
  '2025-02-01',
  '2025-02-02',
  '2025-02-03',
  '2025-02-04',
  '2025-04-04', // 清明节 4-6 Apr
  '2025-04-05',
  '2025-04-06',
  '2025-05-01', // 劳动节 1-5 May
  '2025-05-02',
  '2025-05-03',
  '2025-05-04',
  '2025-05-05',
  '2025-05-31', // 端午节 31 May - 2 Jun
  '2025-06-01',
  '2025-06-02',
  '2025-10-01', // 国庆节、中秋节 1-8 Oct
  '2025-10-02',
  '2025-10-03',
  '2025-10-04',
  '2025-10-05',
  '2025-10-06',
  '2025-10-07',
  '2025-10-08',
];

const makeUpWorkingDays2025 = [
  '2025-01-26', // Sunday, 春节
  '2025-02-08', // Saturday, 春节
  '2025-04-27', // Sunday, 劳动节
  '2025-09-28', // Sunday, 国庆节
  '2025-10-11', // Saturday, 国庆节
];

/** 国务院办公厅关于2026年部分节假日安排的通知, 4 Nov 2025 (gov.cn/zhengce/content/202511/content_7047090.htm). */
const holidays2026 = [
  '2026-01-01', // 元旦 1-3 Jan
  '2026-01-02',
  '2026-01-03',
  '2026-02-15', // 春节 15-23 Feb
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-02-21',
  '2026-02-22',
  '2026-02-23',
  '2026-04-04', // 清明节 4-6 Apr
  '2026-04-05',
  '2026-04-06',
  '2026-05-01', // 劳动节 1-5 May
  '2026-05-02',
  '2026-05-03',
  '2026-05-04',
  '2026-05-05',
  '2026-06-19', // 端午节 19-21 Jun
  '2026-06-20',
  '2026-06-21',
  '2026-09-25', // 中秋节 25-27 Sep
  '2026-09-26',
  '2026-09-27',
  '2026-10-01', // 国庆节 1-7 Oct
  '2026-10-02',
  '2026-10-03',
  '2026-10-04',
  '2026-10-05',
  '2026-10-06',
  '2026-10-07',
];

const makeUpWorkingDays2026 = [
  '2026-01-04', // Sunday, 元旦
  '2026-02-14', // Saturday, 春节
  '2026-02-28', // Saturday, 春节
  '2026-05-09', // Saturday, 劳动节
  '2026-09-20', // Sunday, 国庆节
  '2026-10-10', // Saturday, 国庆节
];

export const cnMainland: Calendar = {
  id: 'cn-mainland',
  name: 'Mainland China (State Council holiday notices)',
  timeZone: 'Asia/Shanghai',
  weekend: [6, 7],
  holidays: [...holidays2025, ...holidays2026],
  extraWorkingDays: [...makeUpWorkingDays2025, ...makeUpWorkingDays2026],
  coversYears: { from: 2025, to: 2026 },
};
