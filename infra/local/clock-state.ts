import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const clockStateSchema = z.object({ now: z.iso.datetime() });
const FILE_NAME = 'virtual-clock.json';

/**
 * The virtual clock's position survives restarts: otherwise a restart would send time
 * back to the wall clock and deadlines already passed would appear to be in the future.
 */
export const loadClockPosition = (dataDir: string): Date | undefined => {
  try {
    const parsed = clockStateSchema.safeParse(JSON.parse(readFileSync(join(dataDir, FILE_NAME), 'utf8')));
    return parsed.success ? new Date(parsed.data.now) : undefined;
  } catch {
    return undefined;
  }
};

export const saveClockPosition = (dataDir: string, now: Date): void => {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, FILE_NAME), `${JSON.stringify({ now: now.toISOString() })}\n`);
};
