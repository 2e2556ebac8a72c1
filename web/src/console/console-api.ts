/// <reference lib="dom" />

import { z } from 'zod';
import {
  type StaffCase,
  type StaffCaseDetail,
  type StaffCaseSummary,
  type StaffTimelineEntry,
  staffCaseActionResponseSchema,
  staffCaseDetailResponseSchema,
  staffCaseListResponseSchema,
} from '../../../shared/schemas/staff-case-response-schema.js';
import { apiErrorSchema, readJson } from '../api/api-schemas.js';
import { syncServerClock } from './server-clock.js';

/**
 * The staff API's answers, parsed with the schemas the API builds them with (one case schema,
 * picked per answer), so the console and the API cannot disagree about a field. Fields the API
 * adds later are dropped by the parse, not refused.
 */

// The ledger comes as `timeline`; the page calls it events.
const caseDetailSchema = staffCaseDetailResponseSchema.transform(({ case: item, timeline, now }) => {
  syncServerClock(now);
  return { case: item, events: timeline };
});
const tokenSchema = z.object({ token: z.string().min(1) });
const registeredSchema = z.looseObject({ reference: z.string().min(1) });

export type Failure =
  | { kind: 'unauthorized' }
  | { kind: 'forbidden' }
  | { kind: 'not_found' }
  | { kind: 'refused'; status: number; message: string; fields: { path: string; message: string }[] }
  | { kind: 'error' };

export type Result<T> = { kind: 'ok'; value: T } | Failure;

type Fetcher = typeof fetch;

export interface StaffApi {
  listCases(filters: URLSearchParams): Promise<Result<{ cases: StaffCaseSummary[]; cursor?: string }>>;
  getCase(reference: string): Promise<Result<{ case: StaffCaseDetail; events: StaffTimelineEntry[] }>>;
  registerCase(body: unknown, idempotencyKey: string): Promise<Result<{ reference: string }>>;
  act(reference: string, action: Record<string, unknown>): Promise<Result<StaffCase | undefined>>;
}

/** Exchanges a dev user name for a token at the local sign-in. */
export const signIn = async (
  user: string,
  fetcher: Fetcher = (input, init) => fetch(input, init),
): Promise<string | undefined> => {
  try {
    const response = await fetcher(`/_local/token?${new URLSearchParams({ user }).toString()}`, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
    });
    if (!response.ok) return undefined;
    const parsed = tokenSchema.safeParse(await readJson(response));
    return parsed.success ? parsed.data.token : undefined;
  } catch {
    return undefined;
  }
};

const failureOf = (status: number, payload: unknown): Failure => {
  if (status === 401) return { kind: 'unauthorized' };
  if (status === 403) return { kind: 'forbidden' };
  if (status === 404) return { kind: 'not_found' };
  const error = apiErrorSchema.safeParse(payload);
  if (status >= 400 && status < 500 && error.success) {
    return { kind: 'refused', status, message: error.data.error.message, fields: error.data.error.fields };
  }
  return { kind: 'error' };
};

/**
 * Every staff call carries the bearer token. A 401 is reported to `onUnauthorized` once per
 * call so the page can send the user back to sign-in.
 */
export const createStaffApi = (
  token: string,
  onUnauthorized: () => void,
  fetcher: Fetcher = (input, init) => fetch(input, init),
): StaffApi => {
  const call = async <T>(
    path: string,
    schema: z.ZodType<T>,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Result<T>> => {
    let response: Response;
    try {
      response = await fetcher(path, {
        method: init.method ?? 'GET',
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${token}`,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        cache: 'no-store',
        credentials: 'same-origin',
      });
    } catch {
      return { kind: 'error' };
    }
    const payload = await readJson(response);
    if (!response.ok) {
      const failure = failureOf(response.status, payload);
      if (failure.kind === 'unauthorized') onUnauthorized();
      return failure;
    }
    const parsed = schema.safeParse(payload);
    return parsed.success ? { kind: 'ok', value: parsed.data } : { kind: 'error' };
  };

  const casePath = (reference: string) => `/api/cases/${encodeURIComponent(reference)}`;

  return {
    listCases: async (filters) => {
      const query = filters.toString();
      const result = await call(`/api/cases${query === '' ? '' : `?${query}`}`, staffCaseListResponseSchema);
      if (result.kind !== 'ok') return result;
      const { cases, cursor, now } = result.value;
      syncServerClock(now);
      return { kind: 'ok', value: cursor ? { cases, cursor } : { cases } };
    },
    getCase: (reference) => call(casePath(reference), caseDetailSchema),
    registerCase: (body, idempotencyKey) =>
      call('/api/cases', registeredSchema, {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey },
      }),
    act: async (reference, action) => {
      // The updated case is welcome but not needed: the page reloads the case after every action.
      const result = await call(`${casePath(reference)}/actions`, z.unknown(), {
        method: 'POST',
        body: action,
      });
      if (result.kind !== 'ok') return result;
      const parsed = staffCaseActionResponseSchema.safeParse(result.value);
      return { kind: 'ok', value: parsed.success ? parsed.data.case : undefined };
    },
  };
};
