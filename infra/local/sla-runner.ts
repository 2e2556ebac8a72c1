import './promise-with-resolvers.js';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { z } from 'zod';
import { slaStates } from '../constructs/sla-workflow.js';
import type { VirtualClock } from './virtual-clock.js';

export const slaStepInputSchema = z.object({
  reference: z.string(),
  generation: z.number().int().min(1),
  wakeAt: z.iso.datetime(),
});
export type SlaStepInput = z.infer<typeof slaStepInputSchema>;

/** What the step returns to the workflow; the Choice state reads `watch`. */
export type SlaStepOutput = {
  reference: string;
  generation: number;
  wakeAt: string;
  watch: 'watching' | 'paused' | 'finished' | 'superseded';
};
export type SlaStep = (input: SlaStepInput) => Promise<SlaStepOutput>;

/** A synthesized definition checked for the fields the runner needs, without a cast. */
const isDefinition = (value: unknown): value is StateMachineDefinition =>
  typeof value === 'object' &&
  value !== null &&
  typeof Reflect.get(value, 'StartAt') === 'string' &&
  typeof Reflect.get(value, 'States') === 'object';

interface Execution {
  name: string;
  /** States entered: what Step Functions Standard bills as state transitions. */
  transitions: number;
  /** Set while the execution waits for the clock; `wakeAt` is the instant it waits for. */
  parked: boolean;
  wakeAt: number;
  done: boolean;
}

/**
 * Runs the synthesized SLA definition with aws-local-stepfunctions. Every Wait is overridden to
 * 0 ms and the Task after it first waits for the virtual clock to reach the Wait's timestamp,
 * so moving the clock fires due work in time order and nothing sleeps in real time.
 */
export class LocalSlaRunner {
  private readonly machine: StateMachine;
  private readonly executions = new Map<string, Execution>();
  private readonly aborts: Array<() => void> = [];
  readonly failures: Array<{ name: string; error: string }> = [];

  constructor(
    definition: unknown,
    private readonly clock: VirtualClock,
    private readonly step: SlaStep,
  ) {
    if (!isDefinition(definition)) throw new Error('not a state machine definition');
    // Built once: validating a definition costs a few hundred milliseconds.
    this.machine = new StateMachine(definition, { validationOptions: { checkArn: false } });
  }

  /** StartExecution with a name: starting a name that is already running does nothing. */
  start(input: SlaStepInput): void {
    const name = `${input.reference}-g${input.generation}`;
    const existing = this.executions.get(name);
    if (existing !== undefined && !existing.done) return;
    const execution: Execution = { name, transitions: 0, parked: false, wakeAt: 0, done: false };
    this.executions.set(name, execution);
    const run = this.machine.run(input, {
      noThrowOnAbort: true,
      overrides: {
        waitTimeOverrides: { [slaStates.wait]: 0 },
        retryIntervalOverrides: { [slaStates.act]: 0 },
        taskResourceLocalHandlers: {
          [slaStates.act]: async (taskInput: unknown) => {
            const parsedInput = slaStepInputSchema.parse(taskInput);
            execution.wakeAt = Date.parse(parsedInput.wakeAt);
            execution.parked = true;
            await this.clock.sleepUntil(new Date(parsedInput.wakeAt));
            execution.parked = false;
            return this.step(parsedInput);
          },
        },
      },
    });
    this.aborts.push(run.abort);
    void (async () => {
      for await (const event of run.eventLogs) {
        if (event.type === 'StateEntered' || event.type === 'StateRetried') execution.transitions += 1;
      }
    })().catch(() => undefined);
    run.result
      .catch((error: unknown) => {
        this.failures.push({ name, error: error instanceof Error ? error.message : 'unknown error' });
        process.stderr.write(
          `SLA workflow ${name} failed: ${error instanceof Error ? error.message : 'unknown'}\n`,
        );
      })
      .finally(() => {
        execution.done = true;
      });
  }

  /** Ends every execution (they live in memory locally; a restart watches open cases again). */
  stop(): void {
    for (const abort of this.aborts) abort();
    this.aborts.length = 0;
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
        // One more turn of the event loop: a step that just returned may be about to park again.
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
