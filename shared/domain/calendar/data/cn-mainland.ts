import type { Calendar } from '../calendar-types.js';

/**
 * Mainland China public holidays (放假) and make-up working days (调休上班), copied day by day
 * from the State Council General Office's yearly notice. Holiday spans include the weekend
 * days inside them because the notice lists the whole span as 放假.
 *
 * 2025 and 2026 are confirmed. 2027 is PROVISIONAL (listed in `provisionalYears`): its notice
 * was not available when this data was written, so the year holds only the statutory holiday
 * days themselves (see holidays2027 below) and no make-up working days. A complaint received
 * late in 2026 still gets working-day deadlines in 2027, and isProvisional() lets the staff
 * console and reports say that those dates may move. Years after 2027 are not covered: asking
 * about them throws CalendarCoverageError.
 *
 * Replacing the provisional year when the notice (国务院办公厅关于2027年部分节假日安排的通知)
 * is published is a data-only change in this file:
 *   1. Replace holidays2027 with every 放假 day of the notice, day by day, including the
 *      weekend days inside each span and any substitute days (补假), as 2025 and 2026 are.
 *   2. Fill makeUpWorkingDays2027 with the notice's 调休上班 days (each must be a Saturday or
 *      Sunday; the schema rejects anything else).
 *   3. Remove 2027 from `provisionalYears` and replace the comments with the notice's title,
 *      date and gov.cn address.
 *   4. In test/unit/calendar-provisional.test.ts, swap the provisional-2027 expectations for
 *      hand-checked facts from the notice; if the chinese-days package has by then been
 *      upgraded to a release with 2027 data, extend the day-by-day comparison in
 *      calendar-verification.test.ts to 2027.
 * A later year goes the same way: add it provisionally (raise `coversYears.to`, list it in
 * `provisionalYears`) until its notice is out, then confirm it as above.
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

/**
 * PROVISIONAL. The statutory holidays of 全国年节及纪念日放假办法 as revised in 2024 (State
 * Council Decree No. 793; 13 days a year): 元旦 1 day, 春节 4 days (除夕 to 正月初三), 清明节
 * 1 day, 劳动节 2 days (1-2 May), 端午节 1 day, 中秋节 1 day, 国庆节 3 days (1-3 Oct).
 * Lunar festival dates were computed once with the chinese-days package (1.5.7, run with
 * TZ=Asia/Shanghai: it reads dates in the process's zone and is a day early in some zones west of
 * UTC) and written here as literals; its tables give 腊月 of lunar 2026 29 days and 2027 no leap month:
 *   getSolarDateFromLunar('2027-01-01') -> 2027-02-06 (正月初一), so 除夕 (腊月廿九) is 2027-02-05;
 *   getSolarDateFromLunar('2027-05-05') -> 2027-06-09 (端午);
 *   getSolarDateFromLunar('2027-08-15') -> 2027-09-15 (中秋);
 *   getSolarTermDate(2027, 4, 'pure_brightness') -> 2027-04-05 (清明, a solar term, not lunar).
 * What the notice will add is not guessed: the bridging days that usually lengthen these
 * holidays, the weekday substitute days (补假) for statutory days that fall on a weekend
 * (2027-02-06/07, 05-01/02 and 10-02/03 are weekend days), and the make-up working days (调休).
 * Until then a 2027 working-day count can differ from the final one in either direction.
 */
const holidays2027 = [
  '2027-01-01', // 元旦 (Friday)
  '2027-02-05', // 春节: 除夕 (Friday)
  '2027-02-06', // 春节: 正月初一 (Saturday)
  '2027-02-07', // 春节: 正月初二 (Sunday)
  '2027-02-08', // 春节: 正月初三 (Monday)
  '2027-04-05', // 清明节 (Monday)
  '2027-05-01', // 劳动节 (Saturday)
  '2027-05-02', // 劳动节 (Sunday)
  '2027-06-09', // 端午节, 五月初五 (Wednesday)
  '2027-09-15', // 中秋节, 八月十五 (Wednesday)
  '2027-10-01', // 国庆节 (Friday)
  '2027-10-02', // 国庆节 (Saturday)
  '2027-10-03', // 国庆节 (Sunday)
];

/** PROVISIONAL: unknown until the 2027 notice is published, so none are listed. */
const makeUpWorkingDays2027: string[] = [];

export const cnMainland: Calendar = {
  id: 'cn-mainland',
  name: 'Mainland China (State Council holiday notices)',
  timeZone: 'Asia/Shanghai',
  weekend: [6, 7],
  holidays: [...holidays2025, ...holidays2026, ...holidays2027],
  extraWorkingDays: [...makeUpWorkingDays2025, ...makeUpWorkingDays2026, ...makeUpWorkingDays2027],
  coversYears: { from: 2025, to: 2027 },
  provisionalYears: [2027],
};
