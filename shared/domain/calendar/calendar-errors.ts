import type { YearCoverage } from './calendar-types.js';

/** Base class so callers can catch every calendar problem in one place. */
export class CalendarError extends Error {
  override readonly name: string = 'CalendarError';
}

export class UnknownCalendarError extends CalendarError {
  override readonly name = 'UnknownCalendarError';
  constructor(readonly calendarId: string) {
    super(`Unknown calendar: ${calendarId}`);
  }
}

export class DuplicateCalendarError extends CalendarError {
  override readonly name = 'DuplicateCalendarError';
  constructor(readonly calendarId: string) {
    super(`A calendar with id ${calendarId} is already registered`);
  }
}

/** Raised instead of guessing when a working-day question falls in a year the holiday lists do not cover. */
export class CalendarCoverageError extends CalendarError {
  override readonly name = 'CalendarCoverageError';
  constructor(
    readonly calendarId: string,
    readonly year: number,
    readonly coversYears: YearCoverage,
  ) {
    const covered = coversYears === 'all' ? 'all years' : `${coversYears.from}-${coversYears.to}`;
    super(`Calendar ${calendarId} has no holiday data for ${year} (covers ${covered})`);
  }
}

export interface CalendarIssue {
  path: string;
  message: string;
}

/** A bank-supplied calendar failed validation; `issues` name the offending fields. */
export class InvalidCalendarError extends CalendarError {
  override readonly name = 'InvalidCalendarError';
  constructor(readonly issues: readonly CalendarIssue[]) {
    super(
      `Invalid calendar: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`,
    );
  }
}

/** A time argument was not an ISO-8601 instant with an explicit offset, or a date was not `YYYY-MM-DD`. */
export class InvalidTimeError extends CalendarError {
  override readonly name = 'InvalidTimeError';
  constructor(
    readonly value: string,
    expected: string,
  ) {
    super(`Expected ${expected}, got ${JSON.stringify(value)}`);
  }
}
