/// <reference lib="dom" />

import { z } from 'zod';

/**
 * What the complaint API answers, parsed before use: the pages never trust a response's shape.
 * Objects are not strict so that fields the API adds later do not break a page already loaded.
 * The status answer is parsed with the API's own schema (shared/schemas/customer-status-schema.ts).
 */

export const acceptedResponseSchema = z.object({
  reference: z.string().min(1),
  trackingToken: z.string().min(1),
  status: z.literal('received'),
  statusUrl: z.string().min(1),
});
export type AcceptedResponse = z.infer<typeof acceptedResponseSchema>;

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).default([]),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>['error'];

/** Reads a JSON body, or undefined when there is none or it is not JSON (a proxy's HTML error page). */
export const readJson = async (response: Response): Promise<unknown> => {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
};
