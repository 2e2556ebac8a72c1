import './promise-with-resolvers.js';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { z } from 'zod';
import {
  type SlaStepInput,
  type SlaStepOutput,
  slaStepInputSchema,
} from '../../shared/schemas/sla-step-schema.js';
import { slaStates } from '../constructs/sla-workflow.js';
import type { VirtualClock } from './virtual-clock.js';

export type { SlaStepInput, SlaStepOutput };

/**
 * The step's input as this stand-in for Step Functions reads it: the schema's fields, but no check
 * of the reference's format. Step Functions passes the state through unread and the step Lambda
 * checks the reference itself, so a malformed one fails where it fails in AWS: in the step.
 */
const taskInputSchema = slaStepInputSchema.extend({ reference: z.string().min(1) });

export type SlaStep = (input: SlaStepInput) => Promise<SlaStepOutput>;

export interface LocalSlaRunnerOptions {
  /**
   * `TimeoutSeconds` for every Task state, so tests can show that idling past a Task's timeout
   * harms nothing. @default the definition as synthesized (aws-local-stepfunctions: 60 s)
   */
  taskTimeoutSeconds?: number;
}

/** The parts of an ASL state the runner reads; everything else is carried over untouched. */
const stateSchema = z.looseObject({
  Type: z.string(),
  Next: z.string().optional(),
  Default: z.string().optional(),
  Choices: z.array(z.looseObject({ Next: z.string().optional() })).optional(),
  Catch: z.array(z.looseObject({ Next: z.string() })).optional(),
  TimestampPath: z.string().optional(),
  InputPath: z.string().nullable().optional(),
  OutputPath: z.string().nullable().optional(),
});
type State = z.infer<typeof stateSchema>;

const definitionSchema = z.looseObject({
  StartAt: z.string(),
  States: z.record(z.string(), stateSchema),
  TimeoutSeconds: z.number().optional(),
});
type Definition = z.infer<typeof definitionSchema>;

/** A leg's output: the JSON object the Wait would have received. */
const legOutputSchema = z.record(z.string(), z.json());
type LegInput = Parameters<StateMachine['run']>[0];
const timestampSchema = z.iso.datetime({ offset: true });

/**
 * Field a leg's stand-in for a Wait adds to the state, naming the Wait the execution parks at.
 * Stripped before the next leg runs, so no state or step ever sees it.
 */
const parkMarker = '__localRunnerParkedAt';

/** The last check before aws-local-stepfunctions gets a definition, without a cast. */
const isDefinition = (value: unknown): value is StateMachineDefinition =>
  typeof value === 'object' &&
  value !== null &&
  typeof Reflect.get(value, 'StartAt') === 'string' &&
  typeof Reflect.get(value, 'States') === 'object';

/** A Wait the runner performs itself, on the virtual clock. */
interface ClockWait {
  /** Field of the Wait's (effective) input holding the timestamp: `wakeAt` for `$.wakeAt`. */
  field: string;
  /** Where the execution carries on after the wait; undefined for a Wait that ends it. */
  next: string | undefined;
}

/** Only `$.field` is read locally; anything richer is refused rather than misread. */
const timestampField = (stateName: string, path: string): string => {
  const match = /^\$\.([A-Za-z_$][\w$]*)$/.exec(path);
  if (match?.[1] === undefined) {
    throw new Error(
      `Wait state "${stateName}": the local runner reads only a TimestampPath of the form $.field, not "${path}"`,
    );
  }
  return match[1];
};

/** The states a state can hand over to (top level only: Map and Parallel carry their own). */
const successors = (state: State): string[] => [
  ...(state.Next === undefined ? [] : [state.Next]),
  ...(state.Default === undefined ? [] : [state.Default]),
  ...(state.Choices ?? []).flatMap((choice) => (choice.Next === undefined ? [] : [choice.Next])),
  ...(state.Catch ?? []).map((catcher) => catcher.Next),
];

/**
 * The part of the definition an execution runs from `startAt` up to the next clock Wait: each
 * such Wait becomes a Pass that ends the leg, carrying the Wait's input and its name in
 * `parkMarker`. States the leg cannot reach are left out (the validator rejects unreachable ones).
 */
const legDefinition = (
  definition: Definition,
  startAt: string,
  waits: ReadonlyMap<string, ClockWait>,
  options: LocalSlaRunnerOptions,
): StateMachineDefinition => {
  const states: Record<string, unknown> = {};
  const pending = [startAt];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (name in states) continue;
    const state = definition.States[name];
    if (state === undefined) throw new Error(`the SLA definition names a state it lacks: "${name}"`);
    if (waits.has(name)) {
      states[name] = {
        Type: 'Pass',
        ...(state.InputPath === undefined ? {} : { InputPath: state.InputPath }),
        Result: name,
        ResultPath: `$.${parkMarker}`,
        End: true,
      };
      continue;
    }
    if (state.Type === 'Task' && options.taskTimeoutSeconds !== undefined) {
      const { TimeoutSecondsPath: _path, ...task } = state;
      states[name] = { ...task, TimeoutSeconds: options.taskTimeoutSeconds };
    } else {
      states[name] = state;
    }
    pending.push(...successors(state));
  }
  const leg = { ...definition, StartAt: startAt, States: states };
  if (!isDefinition(leg)) throw new Error(`could not build the leg starting at "${startAt}"`);
  return leg;
};

interface Execution {
  name: string;
  /** States entered plus retries: what Step Functions Standard bills as state transitions. */
  transitions: number;
  /** Set while the execution waits at a Wait for a virtual instant still ahead. */
  parked: boolean;
  done: boolean;
  stopped: boolean;
  /** Aborts the leg under way, if any. */
  abortLeg: (() => void) | undefined;
  /** Releases a parked wait without the clock, so a stopped execution goes no further. */
  release: () => void;
}

/**
 * Runs the synthesized SLA definition with aws-local-stepfunctions, in legs. The library's Wait
 * sleeps in real time and its Task times out in real time (60 s by default), so a watch cannot
 * wait inside a Task: the runner itself performs every Wait with a TimestampPath, parking on the
 * virtual clock between legs. Moving the clock fires due work in time order; an idle watch lasts
 * for as long as nobody moves the clock.
 */
export class LocalSlaRunner {
  private readonly startAt: string;
  private readonly waits = new Map<string, ClockWait>();
  /** One machine per leg start: validating a definition costs a few hundred milliseconds. */
  private readonly legs = new Map<string, StateMachine>();
  private readonly executions = new Map<string, Execution>();
  readonly failures: Array<{ name: string; error: string }> = [];

  constructor(
    definition: unknown,
    private readonly clock: VirtualClock,
    private readonly step: SlaStep,
    options: LocalSlaRunnerOptions = {},
  ) {
    const parsed = definitionSchema.safeParse(definition);
    if (!parsed.success) throw new Error(`not a state machine definition: ${parsed.error.message}`);
    const asl = parsed.data;
    // An execution timeout would restart with every leg; the SLA workflow sets none.
    if (asl.TimeoutSeconds !== undefined) {
      throw new Error('the local runner does not support a state machine TimeoutSeconds');
    }
    for (const [name, state] of Object.entries(asl.States)) {
      if (state.Type !== 'Wait' || state.TimestampPath === undefined) continue;
      if (state.OutputPath !== undefined && state.OutputPath !== '$') {
        throw new Error(`Wait state "${name}": the local runner does not support an OutputPath`);
      }
      this.waits.set(name, { field: timestampField(name, state.TimestampPath), next: state.Next });
    }
    this.startAt = asl.StartAt;
    // Built up front so a definition the runner cannot run fails here, not in a later leg.
    const starts = [asl.StartAt, ...[...this.waits.values()].flatMap((wait) => wait.next ?? [])];
    for (const startAt of new Set(starts)) {
      const leg = legDefinition(asl, startAt, this.waits, options);
      this.legs.set(startAt, new StateMachine(leg, { validationOptions: { checkArn: false } }));
    }
  }

  /** StartExecution with a name: starting a name that is already running does nothing. */
  start(input: SlaStepInput): void {
    const name = `${input.reference}-g${input.generation}`;
    const existing = this.executions.get(name);
    if (existing !== undefined && !existing.done) return;
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const execution: Execution = {
      name,
      transitions: 0,
      parked: false,
      done: false,
      stopped: false,
      abortLeg: undefined,
      release,
    };
    this.executions.set(name, execution);
    this.execute(execution, input, released)
      .catch((error: unknown) => {
        if (execution.stopped) return;
        const message = error instanceof Error ? error.message : 'unknown error';
        this.failures.push({ name, error: message });
        process.stderr.write(`SLA workflow ${name} failed: ${message}\n`);
      })
      .finally(() => {
        execution.done = true;
      });
  }

  /** Runs leg after leg, parking on the virtual clock at each Wait, until the execution ends. */
  private async execute(execution: Execution, input: SlaStepInput, released: Promise<void>): Promise<void> {
    let startAt = this.startAt;
    let legInput: LegInput = input;
    for (;;) {
      const machine = this.legs.get(startAt);
      if (machine === undefined) throw new Error(`no leg starts at "${startAt}"`);
      const run = machine.run(legInput, {
        noThrowOnAbort: true,
        overrides: {
          retryIntervalOverrides: { [slaStates.act]: 0 },
          taskResourceLocalHandlers: {
            [slaStates.act]: async (taskInput: unknown) => {
              if (execution.stopped) throw new Error('the SLA runner has stopped');
              return this.step(taskInputSchema.parse(taskInput));
            },
          },
        },
      });
      execution.abortLeg = run.abort;
      // The log closes when the leg ends, so counting it fully first keeps totals exact at rest.
      const counted = (async () => {
        for await (const event of run.eventLogs) {
          if (event.type === 'StateEntered' || event.type === 'StateRetried') execution.transitions += 1;
        }
      })();
      const output: unknown = await run.result.finally(() => counted);
      execution.abortLeg = undefined;
      if (execution.stopped || output === null) return;

      // A leg that did not end at a clock Wait ended the execution (a Succeed, or End: true).
      const state = legOutputSchema.safeParse(output);
      if (!state.success || !(parkMarker in state.data)) return;
      const { [parkMarker]: waitName, ...waitInput } = state.data;
      const wait = typeof waitName === 'string' ? this.waits.get(waitName) : undefined;
      if (wait === undefined) throw new Error(`a leg parked at an unknown Wait: ${String(waitName)}`);
      const timestamp = timestampSchema.safeParse(waitInput[wait.field]);
      if (!timestamp.success) {
        throw new Error(`Wait state "${String(waitName)}": $.${wait.field} is not an ISO 8601 timestamp`);
      }

      // The Wait itself: park on the virtual clock; stop() releases the park and ends the execution.
      const dueAt = new Date(timestamp.data);
      if (dueAt.getTime() > this.clock.now().getTime()) {
        execution.parked = true;
        await Promise.race([this.clock.sleepUntil(dueAt), released]);
        execution.parked = false;
      }
      if (execution.stopped || wait.next === undefined) return;
      startAt = wait.next;
      legInput = waitInput;
    }
  }

  /** Ends every execution (they live in memory locally; a restart watches open cases again). */
  stop(): void {
    for (const execution of this.executions.values()) {
      if (execution.done) continue;
      execution.stopped = true;
      execution.done = true;
      execution.abortLeg?.();
      execution.release();
    }
  }

  /** State transitions so far, per execution name (the unit Step Functions Standard bills). */
  transitions(): Record<string, number> {
    return Object.fromEntries(
      [...this.executions.values()].map((execution) => [execution.name, execution.transitions]),
    );
  }

  /** Executions still running (parked or acting). */
  running(): string[] {
    return [...this.executions.values()]
      .filter((execution) => !execution.done)
      .map((execution) => execution.name);
  }

  /** Resolves once every running execution is parked on a future wait; bounded by `timeoutMs`. */
  async settle(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const busy = [...this.executions.values()].filter((execution) => !execution.done && !execution.parked);
      if (busy.length === 0) {
        // One more turn of the event loop: a wait the clock just released is about to run a leg.
        await new Promise((resolve) => setTimeout(resolve, 5));
        const stillBusy = [...this.executions.values()].filter(
          (execution) => !execution.done && !execution.parked,
        );
        if (stillBusy.length === 0) return;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `SLA workflows did not settle within ${timeoutMs} ms: ${busy.map((e) => e.name).join(', ')}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
