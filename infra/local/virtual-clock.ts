import type { Clock } from '../../shared/domain/time/clock.js';

interface Sleeper {
  dueAt: number;
  release: () => void;
}

export interface VirtualClockOptions {
  /**
   * When true the clock also follows the wall clock between moves (what a person using
   * `npm start` expects); when false it stands still until moved (what tests want).
   */
  ticking?: boolean;
  /**
   * Called with the new time whenever a move changes it, so the position can be kept at once:
   * a crash must not send the clock back and make work due in the lost interval happen again.
   */
  onMove?: (now: Date) => void;
}

/**
 * Local mode's movable clock. Handlers read `now()` from it instead of the wall clock, and
 * waits park on `sleepUntil` so that moving the clock fires them in due-time order. A move
 * never goes backwards.
 */
export class VirtualClock implements Clock {
  private base: number;
  private wallAtBase: number;
  private readonly ticking: boolean;
  private readonly onMove: ((now: Date) => void) | undefined;
  private sleepers: Sleeper[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(start: Date, options: VirtualClockOptions = {}) {
    this.base = start.getTime();
    this.wallAtBase = Date.now();
    this.ticking = options.ticking ?? false;
    this.onMove = options.onMove;
  }

  private get current(): number {
    return this.ticking ? this.base + (Date.now() - this.wallAtBase) : this.base;
  }

  private set current(value: number) {
    this.base = value;
    this.wallAtBase = Date.now();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Resolves once the clock reaches `at` (immediately if it already has). */
  sleepUntil(at: Date): Promise<void> {
    const dueAt = at.getTime();
    if (dueAt <= this.current) return Promise.resolve();
    return new Promise((release) => {
      const index = this.sleepers.findIndex((sleeper) => sleeper.dueAt > dueAt);
      const sleeper = { dueAt, release };
      if (index === -1) this.sleepers.push(sleeper);
      else this.sleepers.splice(index, 0, sleeper);
      this.armTimer();
    });
  }

  /** The earliest pending wake-up, if any. */
  nextWakeUp(): Date | undefined {
    const first = this.sleepers[0];
    return first === undefined ? undefined : new Date(first.dueAt);
  }

  /**
   * Moves to `target`, stopping at each sleeper's due time on the way so that work woken
   * earlier sees the earlier time. `settle` runs after each release (e.g. to drain queues).
   */
  async moveTo(target: Date, settle: () => Promise<void> = async () => {}): Promise<void> {
    const end = target.getTime();
    if (end < this.current) throw new RangeError('the virtual clock cannot move backwards');
    for (;;) {
      const next = this.sleepers[0];
      if (next === undefined || next.dueAt > end) break;
      this.sleepers.shift();
      this.current = Math.max(this.current, next.dueAt);
      this.onMove?.(this.now());
      next.release();
      await settle();
    }
    this.current = Math.max(this.current, end);
    this.onMove?.(this.now());
    this.armTimer();
    await settle();
  }

  advance(milliseconds: number, settle?: () => Promise<void>): Promise<void> {
    if (!Number.isFinite(milliseconds) || milliseconds < 0) {
      return Promise.reject(new RangeError('advance needs a non-negative duration'));
    }
    return this.moveTo(new Date(this.current + milliseconds), settle);
  }

  /** Stops the wall-clock timer so a stopped runtime leaves nothing scheduled. */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** In ticking mode, wakes the earliest sleeper when wall time reaches it. */
  private armTimer(): void {
    this.dispose();
    const first = this.sleepers[0];
    if (!this.ticking || first === undefined) return;
    // setTimeout caps at about 24.8 days; re-arm in steps for anything further away.
    const delay = Math.min(Math.max(first.dueAt - this.current, 0), 2 ** 31 - 1);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.releaseDue();
    }, delay);
    this.timer.unref();
  }

  private releaseDue(): void {
    const now = this.current;
    while (this.sleepers[0] !== undefined && this.sleepers[0].dueAt <= now) this.sleepers.shift()?.release();
    this.armTimer();
  }
}
