import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

/** Written to a temporary file and renamed over the old one: a kill mid-write leaves one whole. */
export const saveClockPosition = (dataDir: string, now: Date): void => {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, FILE_NAME);
  writeFileSync(`${file}.tmp`, `${JSON.stringify({ now: now.toISOString() })}\n`);
  renameSync(`${file}.tmp`, file);
};
