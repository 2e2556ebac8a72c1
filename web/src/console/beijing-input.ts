/**
 * `<input type="datetime-local">` holds a wall-clock time with no zone. Staff type Beijing time
 * whatever their computer is set to; China keeps UTC+8 all year, so the offset is fixed.
 */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

const two = (value: number) => String(value).padStart(2, '0');

/** A UTC instant as the input's value in Beijing time, e.g. `2026-11-23T10:30`. */
export const beijingInputValue = (instant: Date): string => {
  const local = new Date(instant.getTime() + BEIJING_OFFSET_MS);
  return `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}T${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
};

/** The input's Beijing wall-clock value as a UTC ISO string, or undefined when it is not a time. */
export const isoFromBeijingInput = (value: string): string | undefined => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (match === null) return undefined;
  // Seconds are optional in the input's value; a missing group reads as zero.
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match
    .slice(1)
    .map((part) => Number(part ?? '0'));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  // Date.UTC rolls 31 February over into March; a date that moved was not a real date.
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1 || hour > 23 || minute > 59) {
    return undefined;
  }
  return new Date(utc - BEIJING_OFFSET_MS).toISOString();
};
