import { calendarSchema } from '../../schemas/calendar-schema.js';
import { DuplicateCalendarError, InvalidCalendarError, UnknownCalendarError } from './calendar-errors.js';
import type { Calendar } from './calendar-types.js';
import { cnMainland } from './data/cn-mainland.js';
import { gbEngWls } from './data/gb-eng-wls.js';
import { weekdaysUtc } from './data/weekdays-utc.js';

/** Parses a calendar supplied as JSON (or any unknown value); throws InvalidCalendarError naming each bad field. */
export const parseCalendar = (input: unknown): Calendar => {
  const result = calendarSchema.safeParse(input);
  if (!result.success) {
    throw new InvalidCalendarError(
      result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    );
  }
  return Object.freeze(result.data);
};

export interface CalendarRegistry {
  /** Throws UnknownCalendarError for an id nobody registered. */
  get(id: string): Calendar;
  has(id: string): boolean;
  /** Validates and adds a calendar; an id already taken (including a built-in one) is refused. */
  register(input: unknown): Calendar;
  ids(): string[];
}

export const builtInCalendars: readonly Calendar[] = [cnMainland, gbEngWls, weekdaysUtc];
export const builtInCalendarIds = ['cn-mainland', 'gb-eng-wls', 'weekdays-utc'] as const;

export const createCalendarRegistry = (initial: readonly unknown[] = builtInCalendars): CalendarRegistry => {
  const calendars = new Map<string, Calendar>();
  const register = (input: unknown): Calendar => {
    const calendar = parseCalendar(input);
    if (calendars.has(calendar.id)) throw new DuplicateCalendarError(calendar.id);
    calendars.set(calendar.id, calendar);
    return calendar;
  };
  // Built-ins go through the same validation a bank's JSON does.
  for (const calendar of initial) register(calendar);
  return {
    get: (id) => {
      const calendar = calendars.get(id);
      if (!calendar) throw new UnknownCalendarError(id);
      return calendar;
    },
    has: (id) => calendars.has(id),
    register,
    ids: () => [...calendars.keys()],
  };
};

/** The process-wide registry: the built-in calendars plus any a bank registers at start-up. */
export const calendarRegistry: CalendarRegistry = createCalendarRegistry();

export const getCalendar = (id: string): Calendar => calendarRegistry.get(id);
export const registerCalendar = (input: unknown): Calendar => calendarRegistry.register(input);
export const calendarIds = (): string[] => calendarRegistry.ids();
