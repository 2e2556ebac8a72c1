/// <reference lib="dom" />

import { readJson, type StatusResponse, statusResponseSchema } from './api-schemas.js';

export interface StatusRequest {
  reference: string;
  token: string;
}

export type StatusOutcome =
  | { kind: 'found'; status: StatusResponse }
  | { kind: 'not_found' }
  | { kind: 'error' };

/** Reads `/status/{reference}?token=...`; a malformed address is treated like an unknown complaint. */
export const statusRequestFrom = (pathname: string, search: string): StatusRequest | undefined => {
  const match = /^\/status\/([^/]+)\/?$/.exec(pathname);
  const token = new URLSearchParams(search).get('token');
  if (match?.[1] === undefined || token === null || token === '') return undefined;
  try {
    return { reference: decodeURIComponent(match[1]), token };
  } catch {
    return undefined;
  }
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
  const parsed = statusResponseSchema.safeParse(await readJson(response));
  return parsed.success ? { kind: 'found', status: parsed.data } : { kind: 'error' };
};
