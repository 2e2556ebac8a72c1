import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LocalRuntime } from '../../infra/local/local-runtime.js';
import { validSubmission } from '../support/intake-fixtures.js';
import {
  type HttpAnswer,
  type RuntimeFixture,
  request,
  startRuntimeAt,
  storedReferences,
} from '../support/local-runtime-fixture.js';

/**
 * Names a client chooses that are also properties of every JavaScript object (`__proto__`,
 * `constructor`, `toString`, ...), in query strings, headers and JSON bodies, and the public rules
 * staff registration must apply as well. Through the local server, as a browser or the console
 * would call it.
 */

/** Monday 23 November 2026, 10:00 in Beijing. */
const START = new Date('2026-11-23T02:00:00.000Z');

let fixture: RuntimeFixture;
let runtime: LocalRuntime;

beforeAll(async () => {
  fixture = await startRuntimeAt(START);
  runtime = fixture.runtime;
});

afterAll(async () => {
  await fixture?.dispose();
});

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});

/** A JSON error answer; its field paths. */
const refusal = (answer: HttpAnswer, status: number): string[] => {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  return errorSchema.parse(answer.json).error.fields.map((field) => field.path);
};

const staff = (user: string) => ({ authorization: `Bearer ${runtime.tokenFor(user)}` });

const postJson = (path: string, body: string, headers: Record<string, string> = {}) =>
  request(`${runtime.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

/** JSON text with a top-level `__proto__` key (an object literal would set the prototype instead). */
const withProtoKey = (body: object): string =>
  `{"__proto__":{"consent":true},${JSON.stringify(body).slice(1)}`;

const staffBody = (overrides: Record<string, unknown> = {}) => ({
  ...validSubmission(),
  channel: 'hotline',
  ...overrides,
});

describe('query keys named after built-in properties', () => {
  it('lists cases refusing each such key by name, with 400 rather than 500', async () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const answer = await request(`${runtime.url}/api/cases?${key}=x`, { headers: staff('cpo') });
      expect(refusal(answer, 400)).toEqual([key]);
    }
    const mixed = await request(`${runtime.url}/api/cases?status=received&constructor=1&__proto__=x`, {
      headers: staff('cpo'),
    });
    expect(refusal(mixed, 400).sort()).toEqual(['__proto__', 'constructor']);
  });

  it('still lists cases with the filters it knows', async () => {
    const answer = await request(`${runtime.url}/api/cases?status=received,registered&limit=5`, {
      headers: staff('cpo'),
    });
    expect(answer.status, answer.text).toBe(200);
  });

  it('ignores them on the public routes, which read no such key: a complaint still goes in', async () => {
    const invalid = await postJson('/api/complaints?toString=1&__proto__=x', '{}');
    expect(refusal(invalid, 400)).toContain('subject');

    const accepted = await postJson(
      '/api/complaints?toString=1&constructor=1&__proto__=x',
      JSON.stringify(validSubmission()),
    );
    expect(accepted.status, accepted.text).toBe(202);
    const { reference, trackingToken } = z
      .object({ reference: z.string(), trackingToken: z.string() })
      .parse(accepted.json);
    await runtime.settle();
    expect(await storedReferences(runtime)).toContain(reference);

    const status = await request(
      `${runtime.url}/api/complaints/${reference}?token=${encodeURIComponent(trackingToken)}&__proto__=x&valueOf=1`,
    );
    expect(status.status, status.text).toBe(200);
  });

  it('answers an unknown path or method with such a query in JSON, not 500', async () => {
    refusal(await request(`${runtime.url}/api/nothing?__proto__=x`), 404);
    refusal(await request(`${runtime.url}/api/complaints?constructor=1`, { method: 'DELETE' }), 405);
  });

  it('passes headers with such names through without a 500', async () => {
    const answer = await postJson('/api/complaints', JSON.stringify(validSubmission()), {
      constructor: '1',
      tostring: '1',
      hasownproperty: 'x',
    });
    expect(answer.status, answer.text).toBe(202);
    const branches = await request(`${runtime.url}/api/branches`, {
      headers: { ...staff('cpo'), constructor: '1', valueof: '1' },
    });
    expect(branches.status, branches.text).toBe(200);
  });
});

describe('staff registration applies the rules of the public form', () => {
  it('refuses an occurredAt in the future on both routes, naming it', async () => {
    const staffAnswer = await postJson(
      '/api/cases',
      JSON.stringify(staffBody({ occurredAt: '2999-01-01' })),
      staff('handler-BJ-001'),
    );
    expect(refusal(staffAnswer, 400)).toEqual(['occurredAt']);
    const publicAnswer = await postJson(
      '/api/complaints',
      JSON.stringify(validSubmission({ occurredAt: '2999-01-01' })),
    );
    expect(refusal(publicAnswer, 400)).toEqual(['occurredAt']);
  });

  it('accepts a date-time that is only minutes ahead, as the public form does', async () => {
    const soon = new Date(START.getTime() + 10 * 60 * 1000).toISOString();
    const answer = await postJson(
      '/api/cases',
      JSON.stringify(staffBody({ occurredAt: soon })),
      staff('handler-BJ-001'),
    );
    expect(answer.status, answer.text).toBe(202);
  });

  it('refuses a top-level __proto__ key on both routes, naming it, instead of dropping it', async () => {
    const staffAnswer = await postJson('/api/cases', withProtoKey(staffBody()), staff('handler-BJ-001'));
    expect(refusal(staffAnswer, 400)).toEqual(['__proto__']);
    const publicAnswer = await postJson('/api/complaints', withProtoKey(validSubmission()));
    expect(refusal(publicAnswer, 400)).toEqual(['__proto__']);
  });

  it('still refuses a receipt in the future and names unknown fields on staff registration', async () => {
    const answer = await postJson(
      '/api/cases',
      JSON.stringify(staffBody({ externalReference: 'HL-1', constructor: 1 })),
      staff('handler-BJ-001'),
    );
    expect(refusal(answer, 400)).toEqual(['constructor']);
    const future = await postJson(
      '/api/cases',
      JSON.stringify(staffBody({ receivedAt: '2999-01-01T00:00:00Z' })),
      staff('handler-BJ-001'),
    );
    expect(refusal(future, 400)).toEqual(['receivedAt']);
  });
});
