import { z } from 'zod';

/** A branch as the admin maintains it: its place in the tree and who is told at each rung. */
export const branchCodeSchema = z
  .string()
  .regex(/^[A-Z0-9-]{2,16}$/, 'must be a branch code of 2-16 capital letters, digits or -');

const email = z.string().trim().max(254).pipe(z.email('must be an e-mail address'));

export const branchContactsSchema = z.strictObject({
  dutyDesk: email,
  branchHead: email,
  operationsSupervisor: email,
  deputyPresident: email,
  president: email,
});

export const branchInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  parent: branchCodeSchema.optional(),
  contacts: branchContactsSchema,
});

export type BranchInput = z.infer<typeof branchInputSchema>;

export const branchSchema = branchInputSchema.extend({ code: branchCodeSchema, updatedAt: z.string() });
export type Branch = z.infer<typeof branchSchema>;

/** Who made a configuration change, as the change record names them. */
export const branchChangeActorSchema = z.object({ id: z.string().min(1), name: z.string().min(1) });
export type BranchChangeActor = z.infer<typeof branchChangeActorSchema>;

/**
 * One change of a branch: who, when, the branch before (absent when it was created) and after.
 * `version` is the branch version the change wrote; versions of one branch run 1, 2, 3, ...
 */
export const branchChangeSchema = z.object({
  code: branchCodeSchema,
  version: z.number().int().min(1),
  at: z.string(),
  actor: branchChangeActorSchema,
  before: branchSchema.optional(),
  after: branchSchema,
});
export type BranchChange = z.infer<typeof branchChangeSchema>;
