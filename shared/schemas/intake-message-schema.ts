import { z } from 'zod';

/**
 * What travels on the intake queue: the reference of a stored `received` record, and on the
 * first send the customer's status token so the acknowledgement can carry the status link
 * (the token is stored nowhere in clear; a re-drive sends the reference alone).
 */
export const intakeMessageSchema = z.strictObject({
  reference: z.string().regex(/^RD-\d{8}-[2-9A-Z]{6}$/),
  trackingToken: z.string().min(20).max(200).optional(),
});

export type IntakeMessage = z.infer<typeof intakeMessageSchema>;
