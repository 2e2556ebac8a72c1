import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { createSlaStepHandler } from '../../functions/sla-step/create-handler.js';
import { slaStates } from '../../infra/constructs/sla-workflow.js';
import { localLambdaContext } from '../../infra/local/lambda-context.js';
import { LocalSlaRunner } from '../../infra/local/sla-runner.js';
import { synthesizeSlaDefinition } from '../../infra/local/sla-workflow-definition.js';
import { VirtualClock } from '../../infra/local/virtual-clock.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import type { SlaWatchRequest } from '../../shared/domain/sla/sla-watch.js';
import {
  type SlaStepInput,
  slaStateFields,
  slaStepInputFields,
  slaStepOutputSchema,
  slaWatchStates,
} from '../../shared/schemas/sla-step-schema.js';
import { createIntakeTables, type IntakeTablesFixture } from '../support/intake-tables.js';

let definition: unknown;
let tables: IntakeTablesFixture;

beforeAll(async () => {
  definition = synthesizeSlaDefinition();
  tables = await createIntakeTables('sla-schema');
}, 60_000);

afterAll(async () => {
  await tables.dispose();
});

/** Every JSONPath in the definition: string values and the values of `"<name>.$"` parameters. */
const jsonPaths = (node: unknown): string[] => {
  if (typeof node === 'string') return /^\$(\.|$)/.test(node) ? [node] : [];
  if (Array.isArray(node)) return node.flatMap(jsonPaths);
  if (typeof node === 'object' && node !== null) return Object.values(node).flatMap(jsonPaths);
  return [];
};

/** `$.wakeAt` -> `wakeAt`; the state as a whole (`$`) names no field. */
const fieldOf = (path: string): string | undefined => /^\$\.([A-Za-z_$][\w$]*)/.exec(path)?.[1];

const stateSchema = z.looseObject({
  Type: z.string(),
  Parameters: z.record(z.string(), z.unknown()).optional(),
  Choices: z.array(z.looseObject({ Variable: z.string(), StringEquals: z.string() })).optional(),
  Default: z.string().optional(),
});
const aslSchema = z.looseObject({ States: z.record(z.string(), stateSchema) });

const stateNamed = (name: string) => {
  const state = aslSchema.parse(definition).States[name];
  if (state === undefined) throw new Error(`no state named "${name}"`);
  return state;
};

const day = 24 * 3600 * 1000;
const unknownCase = 'RD-20261123-7K3QX9';

describe('the SLA workflow state and its one schema', () => {
  it('the synthesized state machine reads only fields the schema defines', () => {
    const paths = jsonPaths(definition);
    expect(paths.length).toBeGreaterThan(0);
    const read = new Set(paths.map(fieldOf).filter((field) => field !== undefined));
    expect([...read].filter((field) => !(field in slaStateFields))).toEqual([]);
    // And the paths it reads are the ones that matter: the wake time, the step input, the verdict.
    expect([...read].sort()).toEqual(Object.keys(slaStateFields).sort());
  });

  it('hands the step exactly the fields of its input schema', () => {
    const parameters = stateNamed(slaStates.act).Parameters ?? {};
    expect(Object.keys(parameters)).toEqual(slaStepInputFields.map((field) => `${field}.$`));
  });

  it('decides on watch values the schema allows, and every one of them ends or loops', () => {
    const decide = stateNamed(slaStates.decide);
    const tested = (decide.Choices ?? []).map((choice) => choice.StringEquals);
    expect(tested.every((value) => slaWatchStates.some((state) => state === value))).toBe(true);
    expect(new Set(tested).size).toBe(tested.length);
    // The one value not tested goes to the Default (superseded).
    expect(slaWatchStates.filter((state) => !tested.includes(state))).toEqual(['superseded']);
    expect(decide.Default).toBe(slaStates.superseded);
  });

  it('is the same shape the domain asks a watch to start with', () => {
    expectTypeOf<SlaWatchRequest>().toEqualTypeOf<SlaStepInput>();
  });
});

describe('the step Lambda at the edge of the workflow', () => {
  const handler = () =>
    createSlaStepHandler({
      store: tables.store,
      clock: new VirtualClock(new Date()),
      ladder: defaultEscalationLadder,
    });

  it('answers a state the Wait and the Choice can read', async () => {
    const input = { reference: unknownCase, generation: 1, wakeAt: '2026-11-24T00:00:00.000Z' };
    const output = await handler()(input, localLambdaContext('sla-step', 60));
    expect(slaStepOutputSchema.parse(output)).toEqual({ ...input, watch: 'finished' });
  });

  it('refuses a malformed state, and so does the workflow that runs it', async () => {
    const step = handler();
    const bad = { reference: 'RD-20261123-IDLE01', generation: 1, wakeAt: '2026-11-24T00:00:00.000Z' };
    await expect(step(bad, localLambdaContext('sla-step', 60))).rejects.toThrow(/complaint reference/);
    await expect(
      step({ ...bad, reference: unknownCase, extra: true }, localLambdaContext('sla-step', 60)),
    ).rejects.toThrow();

    const clock = new VirtualClock(new Date('2026-11-23T00:00:00.000Z'));
    const runner = new LocalSlaRunner(definition, clock, (input) =>
      step(input, localLambdaContext('sla-step', 60)),
    );
    runner.start(bad);
    await clock.advance(2 * day, () => runner.settle());
    expect(runner.failures.map((failure) => failure.name)).toEqual(['RD-20261123-IDLE01-g1']);
    expect(runner.running()).toEqual([]);
  });
});
