/** Where every handler reads the time from: real time in AWS, a movable virtual clock locally. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** UTC ISO-8601 with milliseconds and `Z`, the only time format stored or sent. */
export const isoUtc = (date: Date): string => date.toISOString();
