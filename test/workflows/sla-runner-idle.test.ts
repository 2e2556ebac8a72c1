import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LocalSlaRunner, type SlaStepInput, type SlaStepOutput } from '../../infra/local/sla-runner.js';
import { synthesizeSlaDefinition } from '../../infra/local/sla-workflow-definition.js';
import { VirtualClock } from '../../infra/local/virtual-clock.js';

let definition: unknown;

beforeAll(() => {
  definition = synthesizeSlaDefinition();
}, 60_000);

const day = 24 * 3600 * 1000;
const start = new Date('2026-11-23T00:00:00.000Z');
const at = (days: number): string => new Date(start.getTime() + days * day).toISOString();

/**
 * A step that records what it was given and when, then wakes at the next planned time of its
 * case, or finishes once the plan runs out.
 */
const plannedStep = (clock: VirtualClock, plans: Record<string, string[]>) => {
  const calls: string[] = [];
  const inputs: SlaStepInput[] = [];
  const step = async (input: SlaStepInput): Promise<SlaStepOutput> => {
    calls.push(`${input.reference} ${input.wakeAt}@${clock.now().toISOString()}`);
    inputs.push(input);
    const next = plans[input.reference]?.shift();
    return next === undefined
      ? { ...input, watch: 'finished' }
      : { ...input, wakeAt: next, watch: 'watching' };
  };
  return { calls, inputs, step };
};

/** Real time the test idles: past a 1 s Task timeout, where a watch waiting inside the Task fails. */
const idleMs = 2_000;
const idle = () => new Promise((resolve) => setTimeout(resolve, idleMs));

describe('the local SLA runner, left idle', () => {
  it('outlives the Task timeout while it waits, and acts once the clock reaches the due time', async () => {
    const clock = new VirtualClock(start);
    const { calls, inputs, step } = plannedStep(clock, { 'RD-20261123-IDLE01': [at(10)] });
    const runner = new LocalSlaRunner(definition, clock, step, { taskTimeoutSeconds: 1 });
    const input = { reference: 'RD-20261123-IDLE01', generation: 1, wakeAt: at(3) };
    runner.start(input);
    await runner.settle();

    await idle();
    expect(runner.failures, `the watch failed after ${idleMs} ms of real time`).toEqual([]);
    expect(runner.running(), 'the watch ended while nobody moved the clock').toEqual([
      'RD-20261123-IDLE01-g1',
    ]);
    expect(calls, 'the step ran before its due time').toEqual([]);
    // Only the Wait entered: a watch waiting inside the Task would have entered it and retried.
    expect(runner.transitions(), 'the watch waits at the Wait state, not inside the Task').toEqual({
      'RD-20261123-IDLE01-g1': 1,
    });

    await clock.moveTo(new Date(at(5)), () => runner.settle());
    expect(inputs).toEqual([input]);
    expect(calls).toEqual([`RD-20261123-IDLE01 ${at(3)}@${at(3)}`]);
    expect(runner.running()).toEqual(['RD-20261123-IDLE01-g1']);

    await clock.moveTo(new Date(at(16)), () => runner.settle());
    expect(calls).toEqual([`RD-20261123-IDLE01 ${at(3)}@${at(3)}`, `RD-20261123-IDLE01 ${at(10)}@${at(10)}`]);
    expect(runner.running()).toEqual([]);
    expect(runner.failures).toEqual([]);
    // Wait, Task, Choice, Wait, Task, Choice, Succeed: what Step Functions bills for this watch.
    expect(runner.transitions()).toEqual({ 'RD-20261123-IDLE01-g1': 7 });
  });

  it('fires the steps of two watches in due order', async () => {
    const clock = new VirtualClock(start);
    const { calls, step } = plannedStep(clock, {
      'RD-20261123-ORDERA': [at(6)],
      'RD-20261123-ORDERB': [at(5)],
    });
    const runner = new LocalSlaRunner(definition, clock, step, { taskTimeoutSeconds: 1 });
    runner.start({ reference: 'RD-20261123-ORDERA', generation: 1, wakeAt: at(4) });
    runner.start({ reference: 'RD-20261123-ORDERB', generation: 1, wakeAt: at(2) });
    await runner.settle();

    await clock.moveTo(new Date(at(16)), () => runner.settle());
    expect(calls).toEqual([
      `RD-20261123-ORDERB ${at(2)}@${at(2)}`,
      `RD-20261123-ORDERA ${at(4)}@${at(4)}`,
      `RD-20261123-ORDERB ${at(5)}@${at(5)}`,
      `RD-20261123-ORDERA ${at(6)}@${at(6)}`,
    ]);
    expect(runner.running()).toEqual([]);
    expect(runner.failures).toEqual([]);
  });

  it('stops parked and acting watches alike, and nothing of them runs afterwards', async () => {
    const clock = new VirtualClock(start);
    const calls: string[] = [];
    let finishStep = (): void => undefined;
    const stepGate = new Promise<void>((resolve) => {
      finishStep = resolve;
    });
    const runner = new LocalSlaRunner(
      definition,
      clock,
      async (input) => {
        calls.push(input.reference);
        // The due watch is still acting when the runner stops.
        if (input.reference === 'RD-20261123-STOPDU') await stepGate;
        return { ...input, wakeAt: at(8), watch: 'watching' };
      },
      { taskTimeoutSeconds: 1 },
    );
    runner.start({ reference: 'RD-20261123-STOPPK', generation: 1, wakeAt: at(3) });
    runner.start({ reference: 'RD-20261123-STOPDU', generation: 1, wakeAt: start.toISOString() });
    await vi.waitFor(() => expect(calls).toContain('RD-20261123-STOPDU'), { timeout: 5_000 });

    runner.stop();
    expect(runner.running()).toEqual([]);
    finishStep();
    await clock.moveTo(new Date(at(16)), () => runner.settle());
    expect(calls).toEqual(['RD-20261123-STOPDU']);
    expect(runner.running()).toEqual([]);
    expect(runner.failures).toEqual([]);
  });

  it('refuses a TimestampPath it cannot read, instead of misreading it', () => {
    const nested = JSON.parse(
      JSON.stringify(definition).replace('"TimestampPath":"$.wakeAt"', '"TimestampPath":"$.case.wakeAt"'),
    );
    expect(
      () =>
        new LocalSlaRunner(nested, new VirtualClock(start), async (input) => ({
          ...input,
          watch: 'finished',
        })),
    ).toThrow(/only a TimestampPath of the form \$\.field, not "\$\.case\.wakeAt"/);
  });
});
