/**
 * Countdowns run on the system's clock, not the browser's: deadlines are the server's business
 * (and locally the server's clock is a virtual one that can be moved forward). Each answer that
 * carries the server's `now` resets the offset.
 */
let offsetMs = 0;

export const syncServerClock = (serverNow: string | undefined): void => {
  if (serverNow === undefined) return;
  const parsed = Date.parse(serverNow);
  if (!Number.isNaN(parsed)) offsetMs = parsed - Date.now();
};

export const serverNow = (): number => Date.now() + offsetMs;
