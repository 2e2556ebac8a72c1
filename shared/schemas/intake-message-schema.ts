import { z } from 'zod';
import { complaintReferenceSchema } from '../domain/intake/complaint-reference.js';

/**
 * What travels on the intake queue: the reference of a stored `received` record, and on the
 * first send the customer's status token so the acknowledgement can carry the status link
 * (the token is stored nowhere in clear; a re-drive sends the reference alone).
 */
export const intakeMessageSchema = z.strictObject({
  reference: complaintReferenceSchema,
  trackingToken: z.string().min(20).max(200).optional(),
});

export type IntakeMessage = z.infer<typeof intakeMessageSchema>;
