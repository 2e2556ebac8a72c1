import { z } from 'zod';
import { complaintReferenceSchema } from '../domain/intake/complaint-reference.js';

/**
 * The state of a case's SLA workflow, the one shape every part of it agrees on: the watcher
 * starts an execution with the step's input (the domain's `SlaWatchRequest`), the Wait reads
 * `wakeAt` from it, the Task hands the input to the step Lambda, and the step's output (the input
 * plus `watch`) is the next state, which the Choice reads. The state machine construct takes its
 * JSONPaths from `slaStateFields`, so a field renamed here is renamed there too.
 */

/** What the step tells the workflow: keep watching (wake at `wakeAt`), or end for a reason. */
export const slaWatchStates = ['watching', 'paused', 'finished', 'superseded'] as const;

export const slaStepInputSchema = z.strictObject({
  reference: complaintReferenceSchema,
  /** Which watch of the case this is; a newer generation supersedes it. */
  generation: z.number().int().min(1),
  /** UTC instant of the next wake; the Wait state's TimestampPath reads it. */
  wakeAt: z.iso.datetime(),
});

export const slaStepOutputSchema = slaStepInputSchema.extend({ watch: z.enum(slaWatchStates) });

export type SlaStepInput = z.infer<typeof slaStepInputSchema>;
export type SlaStepOutput = z.infer<typeof slaStepOutputSchema>;
export type SlaWatchState = SlaStepOutput['watch'];

/** Every field of the workflow state, by name: `slaStateFields.wakeAt === 'wakeAt'`. */
export const slaStateFields = slaStepOutputSchema.keyof().enum;
export type SlaStateField = keyof typeof slaStateFields;

/** The fields the Task passes to the step, in the order the schema lists them. */
export const slaStepInputFields = slaStepInputSchema.keyof().options;

/** The JSONPath of a field of the workflow state, for the state machine's definition. */
export const slaStatePath = (field: SlaStateField): `$.${SlaStateField}` => `$.${field}`;
