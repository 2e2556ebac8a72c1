import { parseInstant } from '../calendar/local-time.js';
import type { ClockPause } from '../case/case-types.js';

export interface PauseInterval {
  startMillis: number;
  endMillis: number;
}

/**
 * Pauses as ordered, non-overlapping intervals that start no earlier than receipt. An open
 * pause (no `endedAt`) runs until `nowMillis`, or has no length yet when no time is given.
 */
export const pauseIntervals = (
  pauses: readonly ClockPause[],
  receivedMillis: number,
  nowMillis?: number,
): PauseInterval[] => {
  const intervals = pauses
    .map((pause) => {
      const startMillis = Math.max(parseInstant(pause.startedAt), receivedMillis);
      const endMillis = pause.endedAt ? parseInstant(pause.endedAt) : (nowMillis ?? startMillis);
      return { startMillis, endMillis };
    })
    .filter((interval) => interval.endMillis > interval.startMillis)
    .sort((a, b) => a.startMillis - b.startMillis);
  const merged: PauseInterval[] = [];
  for (const interval of intervals) {
    const last = merged.at(-1);
    // Overlapping pauses stop the clock once, not twice.
    if (last && interval.startMillis <= last.endMillis)
      last.endMillis = Math.max(last.endMillis, interval.endMillis);
    else merged.push({ ...interval });
  }
  return merged;
};
