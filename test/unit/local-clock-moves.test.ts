import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clockRoutes } from '../../infra/local/clock-routes.js';
import { loadClockPosition, saveClockPosition } from '../../infra/local/clock-state.js';
import type { LocalRoute } from '../../infra/local/http-server.js';
import { VirtualClock } from '../../infra/local/virtual-clock.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const postClock = (routes: LocalRoute[], body: unknown) => {
  const route = routes.find((candidate) => candidate.method === 'POST' && candidate.path === '/_local/clock');
  if (route === undefined) throw new Error('no POST /_local/clock route');
  return route.handle({
    method: 'POST',
    path: '/_local/clock',
    query: new URLSearchParams(),
    headers: {},
    body: JSON.stringify(body),
  });
};

describe('the local clock keeps its position through a crash', () => {
  it('is on disk after every move, before any clean stop', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'redress-clock-'));
    dirs.push(dataDir);
    const clock = new VirtualClock(new Date('2026-12-01T00:00:00Z'), {
      onMove: (now) => saveClockPosition(dataDir, now),
    });
    const woken: string[] = [];
    void clock.sleepUntil(new Date('2026-12-05T00:00:00Z')).then(() => {
      // What a crash right after this wake-up would find on disk.
      woken.push(loadClockPosition(dataDir)?.toISOString() ?? 'nothing saved');
    });

    await clock.advance(16 * 24 * 3600 * 1000);

    expect(woken).toEqual(['2026-12-05T00:00:00.000Z']);
    expect(loadClockPosition(dataDir)?.toISOString()).toBe('2026-12-17T00:00:00.000Z');
  });
});

describe('POST /_local/clock', () => {
  it('answers 202 naming what still runs when the work it started outlasts the bound', async () => {
    const clock = new VirtualClock(new Date('2026-12-01T00:00:00Z'));
    const routes = clockRoutes(clock, async () => {
      throw new Error('the SLA runner did not settle within 30000 ms');
    });

    const response = await postClock(routes, { advance: 'P16D' });

    expect(response.status).toBe(202);
    expect(JSON.parse(response.body)).toEqual({
      now: '2026-12-17T00:00:00.000Z',
      message: 'The clock moved; work it started is still running and will finish in the background.',
      stillRunning: ['the SLA runner did not settle within 30000 ms'],
    });
    expect(clock.now().toISOString()).toBe('2026-12-17T00:00:00.000Z');
  });

  it('answers 200 when the work settled', async () => {
    const clock = new VirtualClock(new Date('2026-12-01T00:00:00Z'));
    const response = await postClock(
      clockRoutes(clock, async () => {}),
      { to: '2026-12-02T00:00:00Z' },
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ now: '2026-12-02T00:00:00.000Z' });
  });
});
