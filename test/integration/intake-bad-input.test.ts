import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/local-runtime.js';
import {
  acceptedBodySchema,
  errorBodySchema,
  type SubmissionBody,
  validSubmission,
} from '../support/intake-fixtures.js';
import {
  capturedMail,
  postComplaint,
  queueDepth,
  type RuntimeFixture,
  request,
  startRuntimeAt,
  storedReferences,
} from '../support/local-runtime-fixture.js';

/** Monday 23 November 2026, 10:00 in Beijing. */
const START = new Date('2026-11-23T02:00:00.000Z');
const PRIMED_KEY = 'primed-key-0001';
const KNOWN_REFERENCE = 'RD-20261123-7K3QX9';

let fixture: RuntimeFixture;
let runtime: LocalRuntime;
let primedReference: string;

beforeAll(async () => {
  fixture = await startRuntimeAt(START);
  runtime = fixture.runtime;
  // One accepted complaint with a known Idempotency-Key, so reusing the key can be refused.
  const primed = await postComplaint(runtime, validSubmission(), { 'Idempotency-Key': PRIMED_KEY });
  expect(primed.status, primed.text).toBe(202);
  primedReference = acceptedBodySchema.parse(primed.json).reference;
  await runtime.settle();
});

afterAll(async () => {
  await fixture?.dispose();
});

const base = validSubmission();
const customer = base.customer;

/** Serialises a body as a client would; anything JSON can carry, including wrong shapes. */
const json = (value: unknown): string => JSON.stringify(value);
const withFields = (changes: Record<string, unknown>): string => json({ ...base, ...changes });
const withCustomer = (changes: Record<string, unknown>): string =>
  withFields({ customer: { ...customer, ...changes } });
const without = (field: keyof SubmissionBody): string => {
  const { [field]: _removed, ...rest } = base;
  return json(rest);
};
const jsonHeaders = { 'content-type': 'application/json' };

interface BadInput {
  name: string;
  method?: string;
  path?: string;
  /** Text, or a blob when the request must go without a content type (fetch adds none for an untyped blob). */
  body?: string | Blob;
  /** All headers sent; JSON's content type when absent. */
  headers?: Record<string, string>;
  status: 400 | 404 | 405 | 409 | 413 | 415;
  code: string;
  /** For 400s: every field path the answer must name, and no other. */
  fields?: string[];
  /** For 405s: the methods the answer must allow. */
  allow?: string;
}

const invalid = (name: string, body: string, fields: string[], headers = {}): BadInput => ({
  name,
  body,
  headers: { ...jsonHeaders, ...headers },
  status: 400,
  code: 'validation_failed',
  fields,
});

const badInputs: BadInput[] = [
  // customer
  invalid('customer.email that is not an address', withCustomer({ email: 'wang.fang(at)example.com' }), [
    'customer.email',
  ]),
  invalid('customer.email as a number', withCustomer({ email: 13800138000 }), ['customer.email']),
  invalid(
    'customer.email over 254 characters',
    withCustomer({ email: `${'a'.repeat(60)}@${'b'.repeat(250)}.cn` }),
    ['customer.email'],
  ),
  invalid('customer.phone made of letters', withCustomer({ phone: 'call me maybe' }), ['customer.phone']),
  invalid('customer.phone too short', withCustomer({ phone: '12' }), ['customer.phone']),
  invalid('customer.customerId with spaces', withCustomer({ customerId: 'C 000123' }), [
    'customer.customerId',
  ]),
  invalid('customer.name over 100 characters', withCustomer({ name: '王'.repeat(101) }), ['customer.name']),
  invalid('customer.name as an object', withCustomer({ name: { first: 'Fang' } }), ['customer.name']),
  invalid('customer.age below zero', withCustomer({ age: -1 }), ['customer.age']),
  invalid('customer.age as text', withCustomer({ age: 'seventy' }), ['customer.age']),
  invalid('customer.age with a fraction', withCustomer({ age: 70.5 }), ['customer.age']),
  invalid('an unknown field inside customer', withCustomer({ address: 'Beijing' }), ['customer.address']),
  invalid('customer missing', without('customer'), ['customer']),
  invalid('customer as a string', withFields({ customer: 'Wang Fang' }), ['customer']),
  invalid('customer as null', withFields({ customer: null }), ['customer']),
  invalid('name missing when not anonymous', withFields({ customer: { email: 'wang.fang@example.com' } }), [
    'customer.name',
  ]),
  invalid('name blank after trimming when not anonymous', withCustomer({ name: ' \t ' }), ['customer.name']),
  invalid('no contact when not anonymous', withFields({ customer: { name: '王芳' } }), ['customer.email']),
  invalid('neither name nor contact when not anonymous', withFields({ customer: {} }), [
    'customer.email',
    'customer.name',
  ]),
  // anonymous, consent, language
  invalid('anonymous missing', without('anonymous'), ['anonymous']),
  invalid('anonymous as the string "false"', withFields({ anonymous: 'false' }), ['anonymous']),
  invalid('consent false', withFields({ consent: false }), ['consent']),
  invalid('consent missing', without('consent'), ['consent']),
  invalid('consent as the string "true"', withFields({ consent: 'true' }), ['consent']),
  invalid('language not offered', withFields({ language: 'fr' }), ['language']),
  invalid('language without region', withFields({ language: 'zh' }), ['language']),
  invalid('language missing', without('language'), ['language']),
  // subject and description
  invalid('subject missing', without('subject'), ['subject']),
  invalid('subject empty', withFields({ subject: '' }), ['subject']),
  invalid('subject empty after trimming', withFields({ subject: '  \n\u3000 ' }), ['subject']),
  invalid('subject over 200 characters', withFields({ subject: 'x'.repeat(201) }), ['subject']),
  invalid('subject as a number', withFields({ subject: 42 }), ['subject']),
  invalid('description missing', without('description'), ['description']),
  invalid('description over 10,000 characters', withFields({ description: '费'.repeat(10_001) }), [
    'description',
  ]),
  invalid('description of whitespace only', withFields({ description: '\n\n   \t' }), ['description']),
  // optional fields with bad values
  invalid('branchCode in lower case', withFields({ branchCode: 'bj-001' }), ['branchCode']),
  invalid('branchCode over 16 characters', withFields({ branchCode: 'BRANCH-000000000001' }), ['branchCode']),
  invalid('branchCode with a space', withFields({ branchCode: 'BJ 001' }), ['branchCode']),
  invalid('category not in the list', withFields({ category: 'fraud' }), ['category']),
  invalid('category as a number', withFields({ category: 3 }), ['category']),
  invalid('occurredAt in words', withFields({ occurredAt: 'last Tuesday' }), ['occurredAt']),
  invalid('occurredAt on a day that does not exist', withFields({ occurredAt: '2026-02-30' }), [
    'occurredAt',
  ]),
  invalid('occurredAt without a zone', withFields({ occurredAt: '2026-11-20T10:00:00' }), ['occurredAt']),
  invalid('occurredAt years in the future', withFields({ occurredAt: '2031-01-01' }), ['occurredAt']),
  invalid('occurredAt three days after now', withFields({ occurredAt: '2026-11-26T02:00:00.000Z' }), [
    'occurredAt',
  ]),
  invalid('product over 100 characters', withFields({ product: 'p'.repeat(101) }), ['product']),
  invalid('desiredOutcome over 2,000 characters', withFields({ desiredOutcome: 'r'.repeat(2_001) }), [
    'desiredOutcome',
  ]),
  invalid('vulnerable as text', withFields({ vulnerable: 'yes' }), ['vulnerable']),
  invalid('urgent as a number', withFields({ urgent: 1 }), ['urgent']),
  // fields the contract does not know
  invalid('an unknown top-level field', withFields({ priority: 'green_channel' }), ['priority']),
  invalid('two unknown top-level fields', withFields({ status: 'closed', firstResponder: 'me' }), [
    'firstResponder',
    'status',
  ]),
  invalid('a __proto__ field', `{"__proto__":{"isAdmin":true},${json(base).slice(1)}`, ['__proto__']),
  // bodies that are JSON but not an object
  invalid('null as the body', 'null', ['(body)']),
  invalid('an array as the body', json([base]), ['(body)']),
  invalid('a number as the body', '42', ['(body)']),
  invalid('a string as the body', json('please refund me'), ['(body)']),
  invalid('deeply nested arrays as the body', `${'['.repeat(20_000)}${']'.repeat(20_000)}`, ['(body)']),
  invalid('an empty object', '{}', [
    'anonymous',
    'consent',
    'customer',
    'description',
    'language',
    'subject',
  ]),
  // the Idempotency-Key header
  invalid('Idempotency-Key too short', json(base), ['headers.Idempotency-Key'], { 'Idempotency-Key': 'abc' }),
  invalid('Idempotency-Key over 128 characters', json(base), ['headers.Idempotency-Key'], {
    'Idempotency-Key': 'k'.repeat(129),
  }),
  invalid('Idempotency-Key with a space inside', json(base), ['headers.Idempotency-Key'], {
    'Idempotency-Key': 'my retry key 1',
  }),
  invalid('Idempotency-Key empty', json(base), ['headers.Idempotency-Key'], { 'Idempotency-Key': '' }),
  // not JSON
  { name: 'malformed JSON', body: '{"subject": "fee",', status: 415, code: 'unsupported_media_type' },
  {
    name: 'JSON with single quotes',
    body: "{'subject': 'fee'}",
    status: 415,
    code: 'unsupported_media_type',
  },
  { name: 'an empty JSON body', body: '', status: 415, code: 'unsupported_media_type' },
  {
    name: 'text/plain',
    body: json(base),
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'no content type',
    body: new Blob([json(base)]),
    headers: {},
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'a form post',
    body: 'subject=fee&description=twice',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'a JSON-like media type',
    body: json(base),
    headers: { 'content-type': 'application/json-patch+json' },
    status: 415,
    code: 'unsupported_media_type',
  },
  // too large
  {
    name: 'a 70 KB JSON body',
    body: withFields({ description: 'x'.repeat(70 * 1024) }),
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: 'a 70 KB body that is not JSON either',
    body: 'x'.repeat(70 * 1024),
    headers: { 'content-type': 'text/plain' },
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: 'a 2 MB body',
    body: withFields({ description: 'x'.repeat(2 * 1024 * 1024) }),
    status: 413,
    code: 'payload_too_large',
  },
  // routes and methods
  {
    name: 'PUT /api/complaints',
    method: 'PUT',
    body: json(base),
    status: 405,
    code: 'method_not_allowed',
    allow: 'POST',
  },
  {
    name: 'DELETE /api/complaints',
    method: 'DELETE',
    status: 405,
    code: 'method_not_allowed',
    allow: 'POST',
  },
  {
    name: 'PATCH /api/complaints',
    method: 'PATCH',
    body: json(base),
    status: 405,
    code: 'method_not_allowed',
    allow: 'POST',
  },
  { name: 'GET /api/complaints', method: 'GET', status: 405, code: 'method_not_allowed', allow: 'POST' },
  {
    name: 'POST to a complaint status address',
    path: `/api/complaints/${KNOWN_REFERENCE}`,
    body: json(base),
    status: 405,
    code: 'method_not_allowed',
    allow: 'GET',
  },
  {
    name: 'DELETE a complaint',
    method: 'DELETE',
    path: `/api/complaints/${KNOWN_REFERENCE}`,
    status: 405,
    code: 'method_not_allowed',
    allow: 'GET',
  },
  { name: 'an unknown /api path', path: '/api/complaint', body: json(base), status: 404, code: 'not_found' },
  {
    name: 'an older API version',
    path: '/api/v1/complaints',
    body: json(base),
    status: 404,
    code: 'not_found',
  },
  {
    name: 'a path below a complaint',
    method: 'GET',
    path: `/api/complaints/${KNOWN_REFERENCE}/events`,
    status: 404,
    code: 'not_found',
  },
  {
    name: 'a status request for a reference never issued',
    method: 'GET',
    path: `/api/complaints/${KNOWN_REFERENCE}?token=${'t'.repeat(43)}`,
    status: 404,
    code: 'not_found',
  },
  {
    name: 'a status request without a token',
    method: 'GET',
    path: `/api/complaints/${KNOWN_REFERENCE}`,
    status: 404,
    code: 'not_found',
  },
  {
    name: 'a status request for something that is not a reference',
    method: 'GET',
    path: '/api/complaints/..%2F..%2Fetc%2Fpasswd?token=abc',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'a status request with a badly escaped reference',
    method: 'GET',
    path: '/api/complaints/%E0%A4%A?token=abc',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'a status request with a 300-character token',
    method: 'GET',
    path: `/api/complaints/${KNOWN_REFERENCE}?token=${'t'.repeat(300)}`,
    status: 404,
    code: 'not_found',
  },
  // a key already used for another complaint
  {
    name: 'a used Idempotency-Key with another body',
    body: withFields({ subject: 'A different complaint' }),
    headers: { ...jsonHeaders, 'Idempotency-Key': PRIMED_KEY },
    status: 409,
    code: 'idempotency_key_reused',
  },
];

describe('bad input through the local API', () => {
  it.each(badInputs)('$name -> $status', async (input) => {
    const method = input.method ?? 'POST';
    const answer = await request(`${runtime.url}${input.path ?? '/api/complaints'}`, {
      method,
      headers: input.headers ?? jsonHeaders,
      ...(input.body === undefined ? {} : { body: input.body }),
    });
    expect(answer.status, answer.text).toBe(input.status);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    const body = errorBodySchema.parse(answer.json);
    expect(body.error.code).toBe(input.code);
    if (input.status === 400) {
      const paths = [...new Set(body.error.fields.map((field) => field.path))].sort();
      expect(paths).toEqual([...(input.fields ?? [])].sort());
    } else {
      expect(body.error.fields).toEqual([]);
    }
    if (input.allow !== undefined) expect(answer.headers.get('allow')).toBe(input.allow);
    // Nothing internal leaks into an answer to bad input.
    expect(answer.text).not.toMatch(/stack|Exception|dynamodb|sqs|at [\w.]+ \(/i);
  });

  it('refuses the same missing-contact body with a message that says what to give', async () => {
    const answer = await postComplaint(runtime, { ...base, customer: { name: '王芳' } });
    const body = errorBodySchema.parse(answer.json);
    expect(body.error.fields).toEqual([
      {
        path: 'customer.email',
        message: 'give at least one contact (email, phone or customerId) unless anonymous',
      },
    ]);
  });

  it('names a future occurredAt as such, not as a format problem', async () => {
    const answer = await postComplaint(runtime, { ...base, occurredAt: '2031-01-01' });
    expect(errorBodySchema.parse(answer.json).error.fields).toEqual([
      { path: 'occurredAt', message: 'must not be in the future' },
    ]);
  });

  it('created no case, queued nothing and sent no mail for any of them', async () => {
    await runtime.settle();
    expect(await storedReferences(runtime)).toEqual([primedReference]);
    expect(await queueDepth(runtime, runtime.sqs.intakeQueueUrl)).toBe(0);
    expect(await queueDepth(runtime, runtime.sqs.deadLetterQueueUrl)).toBe(0);
    const mail = await capturedMail(runtime);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toContain(`[${primedReference}]`);
  });
});
