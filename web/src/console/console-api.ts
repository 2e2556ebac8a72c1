/// <reference lib="dom" />

import { z } from 'zod';
import { apiErrorSchema, readJson } from '../api/api-schemas.js';
import { syncServerClock } from './server-clock.js';

/**
 * The staff API's answers, parsed leniently: every field the console does not strictly need is
 * optional and unknown fields pass through, so a field the API adds later breaks nothing.
 */

const optionalText = z.string().nullish();

export const caseSchema = z.looseObject({
  reference: z.string().min(1),
  version: z.number().optional(),
  status: z.string().default('received'),
  channel: optionalText,
  category: optionalText,
  priority: optionalText,
  language: optionalText,
  anonymous: z.boolean().optional(),
  customer: z
    .looseObject({
      name: optionalText,
      email: optionalText,
      phone: optionalText,
      customerId: optionalText,
    })
    .default({}),
  subject: z.string().default(''),
  description: optionalText,
  branchCode: optionalText,
  product: optionalText,
  desiredOutcome: optionalText,
  externalReference: optionalText,
  receivedAt: optionalText,
  registeredAt: optionalText,
  acknowledgedAt: optionalText,
  resolvedAt: optionalText,
  firstResponder: optionalText,
  handler: optionalText,
  assignedUnit: optionalText,
  deadlines: z
    .looseObject({
      acknowledgeBy: optionalText,
      decideBy: optionalText,
      remindAt: optionalText,
      reviewRequestBy: optionalText,
      reviewDecideBy: optionalText,
      secondContactBy: optionalText,
    })
    .nullish(),
  extensions: z.array(z.unknown()).optional(),
  escalationLevel: z.number().optional(),
  repeatComplainant: z.boolean().optional(),
  decision: z
    .looseObject({
      decision: optionalText,
      atFault: optionalText,
      remedy: optionalText,
      compensation: z.object({ amount: z.string(), currency: z.string() }).nullish(),
    })
    .nullish(),
  mergedInto: optionalText,
});
export type ConsoleCase = z.infer<typeof caseSchema>;

export const caseEventSchema = z.looseObject({
  seq: z.number().optional(),
  at: z.string(),
  kind: z.string(),
  actor: z.looseObject({ id: z.string(), kind: z.string().optional(), role: optionalText }),
  data: z.record(z.string(), z.unknown()).nullish(),
});
export type ConsoleEvent = z.infer<typeof caseEventSchema>;

const caseListSchema = z.object({
  cases: z.array(caseSchema),
  cursor: z.string().nullish(),
  now: z.string().optional(),
});
// The ledger may come as `events` or `timeline`; either is read, so the page follows the API.
const caseDetailSchema = z
  .object({
    case: caseSchema,
    events: z.array(caseEventSchema).optional(),
    timeline: z.array(caseEventSchema).optional(),
    now: z.string().optional(),
  })
  .transform(({ case: item, events, timeline, now }) => {
    syncServerClock(now);
    return { case: item, events: events ?? timeline ?? [] };
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
  listCases(filters: URLSearchParams): Promise<Result<{ cases: ConsoleCase[]; cursor?: string }>>;
  getCase(reference: string): Promise<Result<{ case: ConsoleCase; events: ConsoleEvent[] }>>;
  registerCase(body: unknown, idempotencyKey: string): Promise<Result<{ reference: string }>>;
  act(reference: string, action: Record<string, unknown>): Promise<Result<ConsoleCase | undefined>>;
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
      const result = await call(`/api/cases${query === '' ? '' : `?${query}`}`, caseListSchema);
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
      const parsed = z.object({ case: caseSchema }).safeParse(result.value);
      if (parsed.success) return { kind: 'ok', value: parsed.data.case };
      const bare = caseSchema.safeParse(result.value);
      return { kind: 'ok', value: bare.success ? bare.data : undefined };
    },
  };
};
