import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../infra/local/virtual-clock.js';

describe('virtual clock', () => {
  it('fires waits in due-time order and each sees its own due time', async () => {
    const clock = new VirtualClock(new Date('2026-11-23T00:00:00Z'));
    const fired: string[] = [];
    const wait = (at: string) =>
      clock.sleepUntil(new Date(at)).then(() => fired.push(`${at}@${clock.now().toISOString()}`));
    const pending = [
      wait('2026-12-09T00:00:00.000Z'),
      wait('2026-11-24T00:00:00.000Z'),
      wait('2026-11-30T12:00:00.000Z'),
    ];

    await clock.advance(16 * 24 * 3600 * 1000);
    await Promise.all(pending);

    expect(fired).toEqual([
      '2026-11-24T00:00:00.000Z@2026-11-24T00:00:00.000Z',
      '2026-11-30T12:00:00.000Z@2026-11-30T12:00:00.000Z',
      '2026-12-09T00:00:00.000Z@2026-12-09T00:00:00.000Z',
    ]);
    expect(clock.now().toISOString()).toBe('2026-12-09T00:00:00.000Z');
  });

  it('leaves waits beyond the target parked and refuses to go backwards', async () => {
    const clock = new VirtualClock(new Date('2026-11-23T00:00:00Z'));
    let woke = false;
    void clock.sleepUntil(new Date('2026-12-01T00:00:00Z')).then(() => {
      woke = true;
    });
    await clock.moveTo(new Date('2026-11-30T00:00:00Z'));
    expect(woke).toBe(false);
    expect(clock.nextWakeUp()?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    await expect(clock.moveTo(new Date('2026-11-01T00:00:00Z'))).rejects.toThrow(/backwards/);
  });
});

describe('ticking virtual clock', () => {
  it('follows the wall clock and keeps an advance on top of it', async () => {
    const clock = new VirtualClock(new Date('2026-11-23T00:00:00Z'), { ticking: true });
    await clock.advance(24 * 3600 * 1000);
    const now = clock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(Date.parse('2026-11-24T00:00:00Z'));
    // Generous bound: the test itself takes milliseconds, not a minute.
    expect(now).toBeLessThan(Date.parse('2026-11-24T00:01:00Z'));
    clock.dispose();
  });
});
