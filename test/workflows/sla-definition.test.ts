import { beforeAll, describe, expect, it } from 'vitest';
import { slaStates } from '../../infra/constructs/sla-workflow.js';
import { LocalSlaRunner, type SlaStepInput, type SlaStepOutput } from '../../infra/local/sla-runner.js';
import { synthesizeSlaDefinition } from '../../infra/local/sla-workflow-definition.js';
import { VirtualClock } from '../../infra/local/virtual-clock.js';

let definition: unknown;

beforeAll(() => {
  definition = synthesizeSlaDefinition();
}, 60_000);

const day = 24 * 3600 * 1000;

describe('the synthesized SLA workflow, run locally on the virtual clock', () => {
  it('is JSONPath ASL whose states an operator can read', () => {
    expect(definition).toMatchObject({
      StartAt: slaStates.wait,
      States: {
        [slaStates.wait]: { Type: 'Wait', TimestampPath: '$.wakeAt', Next: slaStates.act },
        [slaStates.act]: { Type: 'Task', Next: slaStates.decide },
        [slaStates.decide]: { Type: 'Choice' },
      },
    });
    expect(JSON.stringify(definition)).not.toContain('JSONata');
  });

  it('wakes at each due time in order, only when the clock gets there, and ends when told', async () => {
    const clock = new VirtualClock(new Date('2026-11-23T00:00:00Z'));
    const calls: string[] = [];
    const wakes = ['2026-11-25T00:00:00.000Z', '2026-12-08T15:59:59.999Z'];
    const step = async (input: SlaStepInput): Promise<SlaStepOutput> => {
      calls.push(`${input.wakeAt}@${clock.now().toISOString()}`);
      const next = wakes[calls.length - 1];
      return next === undefined
        ? { ...input, watch: 'finished' }
        : { reference: input.reference, generation: input.generation, wakeAt: next, watch: 'watching' };
    };
    const runner = new LocalSlaRunner(definition, clock, step);
    runner.start({ reference: 'RD-20261123-AAAAAA', generation: 1, wakeAt: '2026-11-24T00:00:00.000Z' });
    await runner.settle();
    expect(calls).toEqual([]);

    await clock.advance(3 * day, () => runner.settle());
    expect(calls).toEqual([
      '2026-11-24T00:00:00.000Z@2026-11-24T00:00:00.000Z',
      '2026-11-25T00:00:00.000Z@2026-11-25T00:00:00.000Z',
    ]);
    expect(runner.running()).toEqual(['RD-20261123-AAAAAA-g1']);

    await clock.advance(20 * day, () => runner.settle());
    expect(calls).toHaveLength(3);
    expect(runner.running()).toEqual([]);
    expect(runner.failures).toEqual([]);
  });

  it('starts one execution per name, however often it is asked', async () => {
    const clock = new VirtualClock(new Date('2026-11-23T00:00:00Z'));
    let calls = 0;
    const runner = new LocalSlaRunner(definition, clock, async (input) => {
      calls += 1;
      return { ...input, watch: 'finished' };
    });
    const input = { reference: 'RD-20261123-BBBBBB', generation: 1, wakeAt: '2026-11-24T00:00:00.000Z' };
    runner.start(input);
    runner.start(input);
    await clock.advance(2 * day, () => runner.settle());
    expect(calls).toBe(1);
  });

  it('retries a failing step and carries on', async () => {
    const clock = new VirtualClock(new Date('2026-11-23T00:00:00Z'));
    let attempts = 0;
    const runner = new LocalSlaRunner(definition, clock, async (input) => {
      attempts += 1;
      if (attempts < 3) throw new Error('SES throttled');
      return { ...input, watch: 'finished' };
    });
    runner.start({ reference: 'RD-20261123-CCCCCC', generation: 1, wakeAt: '2026-11-24T00:00:00.000Z' });
    await clock.advance(2 * day, () => runner.settle());
    expect(attempts).toBe(3);
    expect(runner.failures).toEqual([]);
    expect(runner.running()).toEqual([]);
  });
});
