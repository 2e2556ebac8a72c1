import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LocalRuntime } from '../../infra/local/local-runtime.js';
import { parseInboundMail } from '../../shared/adapters/mail/parse-inbound-mail.js';
import { classifyInbound } from '../../shared/domain/mail-intake/classify-inbound.js';
import { decideInbound } from '../../shared/domain/mail-intake/decide-inbound.js';
import {
  MalformedMailError,
  OversizedMailError,
} from '../../shared/domain/mail-intake/mail-intake-errors.js';
import { mailVerdicts } from '../../shared/domain/mail-intake/mail-verdicts.js';
import { validSubmission } from '../support/intake-fixtures.js';
import { type RuntimeFixture, request, startRuntimeAt } from '../support/local-runtime-fixture.js';

/**
 * Generated bodies, query strings and headers against every API route of the local runtime (the
 * real handlers, DynamoDB Local behind them), and generated MIME through the mail gateway's parser
 * and decision. Whatever arrives, the API answers no 5xx and every 4xx in the JSON error shape; the
 * gateway either decides or rejects the mail with one of its typed errors.
 *
 * Fixed seeds keep a failure reproducible; the run counts keep the file well under a minute.
 */

/** Monday 23 November 2026, 10:00 in Beijing. */
const START = new Date('2026-11-23T02:00:00.000Z');
const SEED = 20261123;
/** Requests per route (8 routes). */
const RUNS_PER_ROUTE = 150;
const MIME_RUNS = 1500;

let fixture: RuntimeFixture;
let runtime: LocalRuntime;
let reference: string;

beforeAll(async () => {
  fixture = await startRuntimeAt(START);
  runtime = fixture.runtime;
  const answer = await request(`${runtime.url}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(validSubmission()),
  });
  expect(answer.status, answer.text).toBe(202);
  reference = z.object({ reference: z.string() }).parse(answer.json).reference;
  await runtime.settle();
});

afterAll(async () => {
  await fixture?.dispose();
});

const errorShape = z.strictObject({
  error: z.strictObject({
    code: z.string().min(1),
    message: z.string().min(1),
    fields: z.array(z.strictObject({ path: z.string(), message: z.string() })),
  }),
});

/** Names every object has, and names an attacker likes. */
const hostileNames = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  'then',
  '',
];

const name = (known: readonly string[]) =>
  fc.oneof(fc.constantFrom(...known, ...hostileNames), fc.string({ maxLength: 12 }));

/** Small JSON values of every kind, hostile keys included. */
const value = fc.oneof(
  { depthSize: 'small' },
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('2999-01-01', '1970-01-01', '2026-11-20T10:00:00+08:00', 'BJ-001', 'x'.repeat(300)),
  fc.dictionary(fc.constantFrom(...hostileNames), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
);

/** JSON text of an object: keys written out one by one, so `__proto__` stays a key as on the wire. */
const objectText = (entries: ReadonlyArray<readonly [string, unknown]>): string =>
  `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${JSON.stringify(item) ?? 'null'}`).join(',')}}`;

/** A body near the real one (valid fields, some replaced, removed or added), or anything at all. */
const bodyText = (base: Record<string, unknown>, extraKeys: readonly string[]) =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .tuple(
          fc.subarray(Object.keys(base)),
          fc.array(fc.tuple(name([...Object.keys(base), ...extraKeys]), value), { maxLength: 4 }),
        )
        .map(([kept, added]) => objectText([...kept.map((key) => [key, base[key]] as const), ...added])),
    },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((json) => JSON.stringify(json)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', 'null', '[]', '{', '{"a":1}}', '\u0000', '{"__proto__":null}'),
    },
  );

const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('application/json; charset=utf-8', 'text/plain', 'APPLICATION/JSON', ''),
  },
);

const queryString = (known: readonly string[]) =>
  fc
    .array(
      fc.tuple(name(known), fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('true', '1', 'received'))),
      {
        maxLength: 4,
      },
    )
    .map((pairs) => {
      const query = new URLSearchParams(pairs.map(([key, item]) => [key, item]));
      return query.size === 0 ? '' : `?${query.toString()}`;
    });

/** Extra request headers, named after built-ins too (HTTP lower-cases names). */
const extraHeaders = fc
  .array(
    fc.tuple(
      fc.constantFrom('constructor', '__proto__', 'tostring', 'valueof', 'x-anything', 'idempotency-key'),
      fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
    ),
    { maxLength: 2 },
  )
  .map((pairs) => Object.fromEntries(pairs));

interface Route {
  method: 'GET' | 'POST' | 'PUT';
  path: () => string;
  user?: string;
  query: readonly string[];
  body?: { base: Record<string, unknown>; extraKeys: readonly string[] };
}

const segment = fc.oneof(
  fc.constant('__REFERENCE__'),
  fc.constantFrom('__proto__', 'constructor', 'CMP-2026-000000'),
  fc.string({ minLength: 1, maxLength: 20 }),
);

const routes: Record<string, Route> = {
  'POST /api/complaints': {
    method: 'POST',
    path: () => '/api/complaints',
    query: [],
    body: { base: validSubmission(), extraKeys: ['customer', 'anonymous'] },
  },
  'GET /api/complaints/{reference}': {
    method: 'GET',
    path: () => '/api/complaints/{reference}',
    query: ['token', 'lang'],
  },
  'GET /api/cases': {
    method: 'GET',
    path: () => '/api/cases',
    user: 'cpo',
    query: [
      'status',
      'branch',
      'overdue',
      'dueBefore',
      'priority',
      'repeat',
      'channel',
      'q',
      'cursor',
      'limit',
    ],
  },
  'POST /api/cases': {
    method: 'POST',
    path: () => '/api/cases',
    user: 'handler-BJ-001',
    query: [],
    body: {
      base: { ...validSubmission(), channel: 'hotline', externalReference: 'HL-1' },
      extraKeys: ['receivedAt'],
    },
  },
  'GET /api/cases/{reference}': {
    method: 'GET',
    path: () => '/api/cases/{reference}',
    user: 'cpo',
    query: [],
  },
  'POST /api/cases/{reference}/actions': {
    method: 'POST',
    path: () => '/api/cases/{reference}/actions',
    user: 'handler-BJ-001',
    query: [],
    body: {
      base: { type: 'note', text: 'Called the customer back.', expectedVersion: 1 },
      extraKeys: ['to', 'reason', 'requestedBy', 'days', 'outcome'],
    },
  },
  'GET /api/branches': { method: 'GET', path: () => '/api/branches', user: 'cpo', query: [] },
  'PUT /api/branches/{code}': {
    method: 'PUT',
    path: () => '/api/branches/{code}',
    user: 'admin',
    query: [],
    body: { base: { name: 'Test branch', parent: 'HQ' }, extraKeys: ['contacts'] },
  },
};

describe('fuzzed API requests through the local runtime', () => {
  for (const [label, route] of Object.entries(routes)) {
    it(`${label}: no 5xx, every 4xx a JSON error`, async () => {
      const body =
        route.body === undefined ? fc.constant(undefined) : bodyText(route.body.base, route.body.extraKeys);
      await fc.assert(
        fc.asyncProperty(
          segment,
          queryString(route.query),
          body,
          contentType,
          extraHeaders,
          async (part, query, text, type, headers) => {
            const target = route
              .path()
              .replace('{reference}', part === '__REFERENCE__' ? reference : encodeURIComponent(part))
              .replace('{code}', part === '__REFERENCE__' ? 'FZ-01' : encodeURIComponent(part));
            const answer = await request(`${runtime.url}${target}${query}`, {
              method: route.method,
              headers: {
                ...headers,
                ...(route.user === undefined
                  ? {}
                  : { authorization: `Bearer ${runtime.tokenFor(route.user)}` }),
                ...(text === undefined ? {} : { 'content-type': type }),
              },
              ...(text === undefined ? {} : { body: text }),
            });
            const what = `${route.method} ${target}${query} ${text ?? ''} -> ${answer.status} ${answer.text}`;
            expect(answer.status, what).toBeLessThan(500);
            if (answer.status >= 400) expect(errorShape.safeParse(answer.json).success, what).toBe(true);
          },
        ),
        { seed: SEED, numRuns: RUNS_PER_ROUTE },
      );
    });
  }
});

const crlf = (lines: readonly string[]) => lines.join('\r\n');

/** Header lines a mail might carry, well-formed or not. */
const mimeHeader = fc.oneof(
  fc.constantFrom(
    'From: Li Hua <li.hua@example.com>',
    'From: =?UTF-8?B?5byg5pWP?= <zhang@example.org>',
    'From: <>',
    'From: "unterminated <x@',
    'To: complaints@bank.example',
    'Subject: Re: [CMP-2026-000001] 信用卡',
    'Subject: =?UTF-8?Q?=E4=BF=A1?=',
    'Subject: =?bogus?X?zz?=',
    'Message-ID: <a@b>',
    'In-Reply-To: <<<>>>',
    'References: <one@x> <two@x>',
    'Auto-Submitted: auto-replied',
    'Return-Path: <>',
    'Content-Type: multipart/mixed; boundary="b1"',
    'Content-Type: text/html; charset=gb2312',
    'Content-Type: text/plain; charset=unknown-8bit',
    'Content-Transfer-Encoding: base64',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Disposition: attachment; filename="a.pdf"',
    'X-SES-Virus-Verdict: FAIL',
    'X-SES-Spam-Verdict: PASS',
    'Authentication-Results: amazonses.com; dmarc=fail header.from=example.com',
    'Received-SPF: fail',
    'Date: not a date',
    ' folded continuation',
    'no colon here',
  ),
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom(
          'Subject',
          'From',
          'X-Custom',
          'Constructor',
          '__proto__',
          'hasOwnProperty',
          'valueOf',
        ),
        fc.stringMatching(/^[!-9;-~]{1,12}$/),
      ),
      fc.string({ maxLength: 40 }),
    )
    .map(([field, text]) => `${field}: ${text}`),
);

const mimeBody = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    '--b1\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b1--',
    '--b1\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%===\r\n--b1',
    '--b1\r\n\r\n--b1\r\n--b1--\r\n--b1',
    '<html><script>alert(1)</script><p>hi',
    '=E4=BF=A1=\r\n=ZZ',
  ),
);

const mime = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.array(mimeHeader, { maxLength: 10 }), fc.constantFrom('\r\n', '\n'), mimeBody)
      .map(([headers, eol, text]) => Buffer.from(`${crlf(headers)}${eol}${eol}${text}`, 'utf8')),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes)) },
);

describe('fuzzed MIME through the mail gateway', () => {
  it('parses and decides, or rejects the mail with a typed error, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(mime, async (raw) => {
        let mail: Awaited<ReturnType<typeof parseInboundMail>>;
        try {
          mail = await parseInboundMail(raw, { maxBytes: 64 * 1024 });
        } catch (error) {
          if (error instanceof MalformedMailError || error instanceof OversizedMailError) return;
          throw error;
        }
        const decision = decideInbound({
          mail,
          classification: classifyInbound(mail, ['complaints@bank.example', 'noreply@bank.example']),
          verdicts: mailVerdicts(mail),
        });
        expect(['drop', 'quarantine', 'attach', 'new_case']).toContain(decision.action);
      }),
      { seed: SEED, numRuns: MIME_RUNS },
    );
  });
});
