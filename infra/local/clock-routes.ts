import { Duration } from 'luxon';
import { z } from 'zod';
import { json, type LocalRoute } from './http-server.js';
import type { VirtualClock } from './virtual-clock.js';

const moveSchema = z.union([
  z.strictObject({ advance: z.string().min(2) }),
  z.strictObject({ to: z.iso.datetime({ offset: true }) }),
]);

const problem = (message: string, path: string) =>
  json(400, { error: { code: 'validation_failed', message, fields: [{ path, message }] } });

/**
 * GET /_local/clock -> {now}; POST /_local/clock with {"advance": "P16D"} (ISO-8601 duration)
 * or {"to": "2026-12-09T00:00:00Z"}. A move fires every wait that falls due, in time order, and
 * answers 200 once the work it triggered has settled, or 202 naming what is still running when
 * that takes longer than the settle bound.
 */
export const clockRoutes = (clock: VirtualClock, settle: () => Promise<void>): LocalRoute[] => [
  { method: 'GET', path: '/_local/clock', handle: async () => json(200, { now: clock.now().toISOString() }) },
  {
    method: 'POST',
    path: '/_local/clock',
    handle: async (request) => {
      let body: unknown;
      try {
        body = JSON.parse(request.body);
      } catch {
        return problem('send {"advance": "P16D"} or {"to": "<ISO date-time>"}', '(body)');
      }
      const parsed = moveSchema.safeParse(body);
      if (!parsed.success) return problem('send {"advance": "P16D"} or {"to": "<ISO date-time>"}', '(body)');
      let target: Date;
      if ('advance' in parsed.data) {
        const duration = Duration.fromISO(parsed.data.advance);
        if (!duration.isValid || duration.toMillis() < 0) {
          return problem('must be a non-negative ISO-8601 duration such as P16D or PT5M', 'advance');
        }
        target = new Date(clock.now().getTime() + duration.toMillis());
      } else {
        target = new Date(parsed.data.to);
        if (target.getTime() < clock.now().getTime()) return problem('the clock cannot move backwards', 'to');
      }
      // The move itself always completes; work it triggered that outlasts the settle bound keeps
      // running in the background and is reported, not turned into an error.
      const stillRunning = new Set<string>();
      await clock.moveTo(target, async () => {
        try {
          await settle();
        } catch (error) {
          stillRunning.add(error instanceof Error ? error.message : 'work in progress');
        }
      });
      const now = clock.now().toISOString();
      if (stillRunning.size === 0) return json(200, { now });
      return json(202, {
        now,
        message: 'The clock moved; work it started is still running and will finish in the background.',
        stillRunning: [...stillRunning],
      });
    },
  },
];
