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
