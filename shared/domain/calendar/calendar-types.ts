/**
 * A calendar is data: which local days are working days in one place. Holiday lists are
 * finite, so a calendar says which years it knows; asking about any other year is an error
 * rather than a silent "no holidays" answer. A year can be known only provisionally (built
 * from the standing rules before the official list for that year is published); answers for
 * it are given, and `provisionalYears` lets callers say that they may still change.
 */

/** A local calendar date, `YYYY-MM-DD`, in the calendar's own zone. */
export type LocalDate = string;

/** ISO weekday: 1 = Monday ... 7 = Sunday (luxon's numbering). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * Inclusive range of years the holiday lists cover (including any provisional years), or `all`
 * for a rule-only calendar.
 */
export type YearCoverage = { readonly from: number; readonly to: number } | 'all';

export interface Calendar {
  readonly id: string;
  readonly name: string;
  /** IANA zone; every local date and end-of-day is taken in this zone. */
  readonly timeZone: string;
  /** Days that are not worked unless listed in `extraWorkingDays`. */
  readonly weekend: readonly IsoWeekday[];
  /** Non-working days that would otherwise be working (public holidays; may include weekend days). */
  readonly holidays: readonly LocalDate[];
  /** Weekend days that are worked (China's 调休 make-up days). */
  readonly extraWorkingDays: readonly LocalDate[];
  readonly coversYears: YearCoverage;
  /**
   * Years inside `coversYears` whose lists are provisional: derived from the standing rules
   * rather than copied from the official notice for that year, so working-day answers there may
   * change when the notice is published. Empty when every covered year is confirmed.
   */
  readonly provisionalYears: readonly number[];
}
