/// <reference lib="dom" />

import { isComplaintReference } from '../../../shared/domain/intake/complaint-reference.js';
import type { CustomerStatusView } from '../../../shared/domain/intake/customer-status-view.js';
import { customerStatusSchema } from '../../../shared/schemas/customer-status-schema.js';
import { readJson } from './api-schemas.js';

export interface StatusRequest {
  reference: string;
  token: string;
}

export type StatusOutcome =
  | { kind: 'found'; status: CustomerStatusView }
  | { kind: 'not_found' }
  | { kind: 'error' };

/** Reads `/status/{reference}?token=...`; a malformed address is treated like an unknown complaint. */
export const statusRequestFrom = (pathname: string, search: string): StatusRequest | undefined => {
  const match = /^\/status\/([^/]+)\/?$/.exec(pathname);
  const token = new URLSearchParams(search).get('token');
  if (match?.[1] === undefined || token === null || token === '') return undefined;
  let reference: string;
  try {
    reference = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  // Nothing else can name a complaint, so the page need not ask the API about it.
  return isComplaintReference(reference) ? { reference, token } : undefined;
};

export const fetchStatus = async (
  { reference, token }: StatusRequest,
  fetcher: typeof fetch = (input, init) => fetch(input, init),
): Promise<StatusOutcome> => {
  const query = new URLSearchParams({ token });
  let response: Response;
  try {
    response = await fetcher(`/api/complaints/${encodeURIComponent(reference)}?${query.toString()}`, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return { kind: 'error' };
  }
  // The API gives one answer for an unknown reference and a wrong token, and so does the page.
  if (response.status === 404) return { kind: 'not_found' };
  if (!response.ok) return { kind: 'error' };
  const parsed = customerStatusSchema.safeParse(await readJson(response));
  return parsed.success ? { kind: 'found', status: parsed.data } : { kind: 'error' };
};
