/// <reference lib="dom" />

import { z } from 'zod';

/**
 * What the complaint API answers, parsed before use: the pages never trust a response's shape.
 * Objects are not strict so that fields the API adds later do not break a page already loaded.
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

export const historyEntrySchema = z.object({
  at: z.string(),
  kind: z.string(),
  text: z.string(),
});

export const statusResponseSchema = z.object({
  reference: z.string().min(1),
  status: z.string().min(1),
  receivedAt: z.string(),
  acknowledgeBy: z.string().nullish(),
  decideBy: z.string().nullish(),
  history: z.array(historyEntrySchema),
});
export type StatusResponse = z.infer<typeof statusResponseSchema>;

/** Reads a JSON body, or undefined when there is none or it is not JSON (a proxy's HTML error page). */
export const readJson = async (response: Response): Promise<unknown> => {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
};
