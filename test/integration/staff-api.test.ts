import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LocalRuntime } from '../../infra/local/local-runtime.js';
import {
  staffCaseActionResponseSchema,
  staffCaseDetailResponseSchema,
  staffCaseListResponseSchema,
} from '../../shared/schemas/staff-case-response-schema.js';
import { validSubmission } from '../support/intake-fixtures.js';
import {
  capturedMail,
  type HttpAnswer,
  type RuntimeFixture,
  request,
  startRuntimeAt,
} from '../support/local-runtime-fixture.js';

/** Monday 23 November 2026, 10:00 in Beijing: a working day. */
const START = new Date('2026-11-23T02:00:00.000Z');
/** Saturday 21 November 2026, 10:00 in Beijing: when the hotline call came in. */
const TWO_DAYS_AGO = '2026-11-21T02:00:00.000Z';

let fixture: RuntimeFixture;
let runtime: LocalRuntime;

beforeAll(async () => {
  fixture = await startRuntimeAt(START);
  runtime = fixture.runtime;
});

afterAll(async () => {
  await fixture?.dispose();
});

const tokens = new Map<string, string>();
const tokenOf = async (user: string): Promise<string> => {
  const known = tokens.get(user);
  if (known !== undefined) return known;
  const answer = await request(`${runtime.url}/_local/token?user=${encodeURIComponent(user)}`);
  expect(answer.status, answer.text).toBe(200);
  const { token } = z.object({ token: z.string() }).parse(answer.json);
  tokens.set(user, token);
  return token;
};

const call = async (user: string, method: string, path: string, body?: unknown): Promise<HttpAnswer> =>
  request(`${runtime.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await tokenOf(user)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

// The answers are read with the API's own schemas: a stored case that does not survive the trip fails here.
const detailSchema = staffCaseDetailResponseSchema;
const actionAnswerSchema = staffCaseActionResponseSchema;
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const listSchema = staffCaseListResponseSchema;

const register = async (user: string, overrides: Record<string, unknown> = {}): Promise<string> => {
  const answer = await call(user, 'POST', '/api/cases', {
    ...validSubmission({ customer: { name: '李雷', email: 'li.lei@example.com' } }),
    channel: 'hotline',
    ...overrides,
  });
  expect(answer.status, answer.text).toBe(202);
  const { reference } = z.object({ reference: z.string() }).parse(answer.json);
  await runtime.settle();
  return reference;
};

const detail = async (user: string, reference: string) => {
  const answer = await call(user, 'GET', `/api/cases/${reference}`);
  expect(answer.status, answer.text).toBe(200);
  // Staff never see the digest of the customer's status-page token.
  expect(answer.text).not.toContain('trackingTokenHash');
  return detailSchema.parse(answer.json);
};

const act = (user: string, reference: string, action: Record<string, unknown>) =>
  call(user, 'POST', `/api/cases/${reference}/actions`, action);

const actOk = async (user: string, reference: string, action: Record<string, unknown>) => {
  const answer = await act(user, reference, action);
  expect(answer.status, answer.text).toBe(200);
  return actionAnswerSchema.parse(answer.json).case;
};

const problemSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});
const extensionEventSchema = z.object({
  at: z.string(),
  kind: z.literal('clock.extended'),
  actor: z.object({ id: z.string() }),
  data: z.record(z.string(), z.unknown()),
});

/** The ledger's last extension event of the case, with what it recorded. */
const lastExtension = async (reference: string) => {
  const answer = await call('cpo', 'GET', `/api/cases/${reference}`);
  const { timeline } = z.object({ timeline: z.array(z.unknown()) }).parse(answer.json);
  const extensions = timeline.flatMap((event) => {
    const parsed = extensionEventSchema.safeParse(event);
    return parsed.success ? [parsed.data] : [];
  });
  return extensions.at(-1);
};

/** The case's version and ledger length once the background work is done: what a refusal must leave. */
const snapshot = async (reference: string): Promise<{ version: number; entries: number }> => {
  await runtime.settle();
  const { case: c, timeline } = await detail('cpo', reference);
  return { version: c.version, entries: timeline.length };
};

describe('signing in', () => {
  it('refuses staff routes without a token or with a forged one, and leaves public routes open', async () => {
    expect((await request(`${runtime.url}/api/cases`)).status).toBe(401);
    const forged = await request(`${runtime.url}/api/cases`, {
      headers: { authorization: `Bearer ${(await tokenOf('cpo')).slice(0, -4)}AAAA` },
    });
    expect(forged.status).toBe(401);
    expect(errorSchema.parse(forged.json).error.code).toBe('unauthorized');
    expect((await request(`${runtime.url}/api/complaints/NOPE?token=x`)).status).not.toBe(401);
  });

  it('knows only the local dev users', async () => {
    expect((await request(`${runtime.url}/_local/token?user=mallory`)).status).toBe(404);
  });
});

describe('a hotline complaint taken by a handler', () => {
  let reference: string;

  beforeAll(async () => {
    reference = await register('handler-BJ-001', {
      receivedAt: TWO_DAYS_AGO,
      externalReference: 'HOTLINE-0042',
    });
  });

  it('runs its clock from when the call came in, with the handler as first responder', async () => {
    const { case: c, timeline } = await detail('handler-BJ-001', reference);
    expect(c).toMatchObject({
      status: 'registered',
      channel: 'hotline',
      receivedAt: TWO_DAYS_AGO,
      firstResponder: 'handler-BJ-001',
      externalReference: 'HOTLINE-0042',
      branchCode: 'BJ-001',
    });
    // 15 calendar days from Saturday 21 November end on Sunday 6 December, Beijing time.
    expect(c.deadlines?.decideBy).toBe('2026-12-06T15:59:59.999Z');
    expect(timeline[0]).toMatchObject({ kind: 'case.received', actor: { id: 'handler-BJ-001' } });
    expect(timeline.map((event) => event.kind)).toContain('case.registered');
  });

  it('registers a complaint once when the counter resends it with the same Idempotency-Key', async () => {
    const body = {
      ...validSubmission({ customer: { name: '韩梅梅', phone: '+86 10 8888 0001' } }),
      channel: 'walk_in',
    };
    const send = async (key: string, payload: unknown) =>
      request(`${runtime.url}/api/cases`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await tokenOf('agent-BJ-001')}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify(payload),
      });
    const first = await send('counter-retry-0001', body);
    const again = await send('counter-retry-0001', body);
    expect(first.status, first.text).toBe(202);
    expect(again.json).toEqual(first.json);
    const other = await send('counter-retry-0001', { ...body, subject: 'Something else' });
    expect(other.status).toBe(409);
  });

  it('records the acknowledgement of a customer who gave only a phone number', async () => {
    const byPhone = await register('agent-BJ-001', {
      customer: { name: '张伟', phone: '+86 139 0000 0000' },
    });
    expect((await detail('agent-BJ-001', byPhone)).case).not.toHaveProperty('acknowledgedAt');
    const acknowledged = await actOk('agent-BJ-001', byPhone, { type: 'acknowledge', via: 'phone' });
    expect(acknowledged).toHaveProperty('acknowledgedAt', START.toISOString());
  });

  it('keeps the first responder answerable after a transfer to another branch', async () => {
    const moved = await actOk('handler-BJ-001', reference, {
      type: 'transfer',
      to: 'SH-002',
      note: 'The account is held in Pudong.',
    });
    expect(moved).toMatchObject({ branchCode: 'SH-002', firstResponder: 'handler-BJ-001' });
    // The receiving branch now sees it, and so does the first responder who stays accountable.
    expect((await detail('handler-SH-002', reference)).case.branchCode).toBe('SH-002');
    const { timeline } = await detail('handler-BJ-001', reference);
    expect(timeline.at(-1)).toMatchObject({ kind: 'case.transferred', actor: { id: 'handler-BJ-001' } });
  });

  it('records notes and requests for information on the timeline', async () => {
    await actOk('handler-SH-002', reference, { type: 'note', text: 'Called the customer back.' });
    await actOk('handler-SH-002', reference, { type: 'request_info', text: 'Please send the statement.' });
    const { timeline } = await detail('cpo', reference);
    const lastTwo = timeline.slice(-2).map((event) => event.actor.id);
    expect(lastTwo).toEqual(['handler-SH-002', 'handler-SH-002']);
  });
});

describe('extensions', () => {
  let reference: string;

  beforeAll(async () => {
    reference = await register('handler-BJ-001');
  });

  it('lets a handler take the first extension but not approve the second they asked for', async () => {
    const first = await actOk('handler-BJ-001', reference, {
      type: 'extend',
      reason: 'Waiting for the card scheme.',
    });
    expect(first.extensions).toHaveLength(1);
    const before = await snapshot(reference);
    const second = await act('handler-BJ-001', reference, { type: 'extend', reason: 'Still waiting.' });
    expect(second.status).toBe(403);
    expect(errorSchema.parse(second.json).error).toMatchObject({
      code: 'approver_lacks_authority',
      message: expect.stringMatching(/approval of a branch head or someone above them over branch BJ-001/),
    });
    expect(await snapshot(reference)).toEqual(before);
  });

  it('accepts the second extension from the branch head, recording who asked, who approved and when', async () => {
    const before = (await detail('head-BJ-001', reference)).case.deadlines?.decideBy ?? '';
    const extended = await actOk('head-BJ-001', reference, { type: 'extend', reason: 'Still waiting.' });
    expect(extended.extensions[1]).toMatchObject({
      step: 2,
      by: 'handler-BJ-001',
      approvedBy: 'head-BJ-001',
    });
    expect(Date.parse(extended.deadlines?.decideBy ?? '')).toBeGreaterThan(Date.parse(before));
    expect(await lastExtension(reference)).toMatchObject({
      at: START.toISOString(),
      actor: { id: 'head-BJ-001' },
      data: {
        step: 2,
        requestedBy: 'handler-BJ-001',
        approvedBy: 'head-BJ-001',
        approverRole: 'branch_head',
        approvedAt: START.toISOString(),
      },
    });
  });

  it('refuses a third one whoever asks, with the reason', async () => {
    const third = await act('cpo', reference, { type: 'extend', reason: 'Once more.' });
    expect(third.status).toBe(409);
    expect(errorSchema.parse(third.json).error.code).toBe('extension_limit_reached');
  });
});

describe('the four eyes on a second extension', () => {
  /** A Beijing case taken down by `by`, who also takes its first extension. */
  const extendedOnce = async (by: string): Promise<string> => {
    const reference = await register(by, { branchCode: 'BJ-001' });
    await actOk(by, reference, { type: 'extend', reason: 'Waiting for the card scheme.' });
    return reference;
  };

  it('refuses a branch head who names somebody else as the requester, and writes nothing', async () => {
    // The head took the complaint down themselves: the case records them as the one asking.
    const reference = await extendedOnce('head-BJ-001');
    const before = await snapshot(reference);
    const bypass = await act('head-BJ-001', reference, {
      type: 'extend',
      reason: 'Especially complex.',
      requestedBy: 'nobody',
    });
    expect(bypass.status).toBe(400);
    expect(problemSchema.parse(bypass.json).error.fields).toEqual([
      { path: 'requestedBy', message: expect.stringMatching(/cannot be sent/) },
    ]);
    const named = await act('head-BJ-001', reference, {
      type: 'extend',
      reason: 'Especially complex.',
      approvedBy: 'ops-BJ-001',
    });
    expect(named.status).toBe(400);
    expect(problemSchema.parse(named.json).error.fields.map((field) => field.path)).toEqual(['approvedBy']);
    expect(await snapshot(reference)).toEqual(before);

    const own = await act('head-BJ-001', reference, { type: 'extend', reason: 'Especially complex.' });
    expect(own.status).toBe(403);
    expect(errorSchema.parse(own.json).error).toMatchObject({
      code: 'approver_is_requester',
      message: expect.stringMatching(/other than the person who asked for it/),
    });
    expect(await snapshot(reference)).toEqual(before);

    // Another superior of the branch signs it off, and the ledger names the real requester.
    const approved = await actOk('ops-BJ-001', reference, { type: 'extend', reason: 'Especially complex.' });
    expect(approved.extensions[1]).toMatchObject({ by: 'head-BJ-001', approvedBy: 'ops-BJ-001' });
    expect(await lastExtension(reference)).toMatchObject({
      actor: { id: 'ops-BJ-001' },
      data: { requestedBy: 'head-BJ-001', approvedBy: 'ops-BJ-001', approverRole: 'operations_supervisor' },
    });
  });

  it('refuses the head of another branch, even on a case they can see', async () => {
    // The Shanghai head took down a Beijing complaint, so they see it; Beijing's handler works it.
    const reference = await extendedOnce('head-SH-002');
    await actOk('head-BJ-001', reference, { type: 'assign', to: 'handler-BJ-001' });
    const before = await snapshot(reference);

    const other = await act('head-SH-002', reference, { type: 'extend', reason: 'Especially complex.' });
    expect(other.status).toBe(403);
    expect(errorSchema.parse(other.json).error).toMatchObject({
      code: 'approver_lacks_authority',
      message: expect.stringMatching(/head-SH-002 holds no such role over branch BJ-001/),
    });
    expect(await snapshot(reference)).toEqual(before);

    const approved = await actOk('head-BJ-001', reference, { type: 'extend', reason: 'Especially complex.' });
    expect(approved.extensions[1]).toMatchObject({ by: 'handler-BJ-001', approvedBy: 'head-BJ-001' });
  });

  it('lets the bank’s senior management approve once the case has reached them', async () => {
    const reference = await extendedOnce('handler-BJ-001');
    await actOk('head-BJ-001', reference, { type: 'escalate', level: 3, reason: 'Major complaint.' });
    const approved = await actOk('deputy-president', reference, {
      type: 'extend',
      reason: 'Especially complex.',
    });
    expect(approved.extensions[1]).toMatchObject({ by: 'handler-BJ-001', approvedBy: 'deputy-president' });
  });
});

describe('conflicts', () => {
  let reference: string;

  beforeAll(async () => {
    reference = await register('agent-BJ-001');
  });

  it('refuses an action on a version the caller no longer has', async () => {
    const { case: c } = await detail('agent-BJ-001', reference);
    await actOk('agent-BJ-001', reference, { type: 'note', text: 'First.', expectedVersion: c.version });
    const stale = await act('agent-BJ-001', reference, {
      type: 'note',
      text: 'Second.',
      expectedVersion: c.version,
    });
    expect(stale.status).toBe(409);
    expect(errorSchema.parse(stale.json).error.code).toBe('stale_version');
  });

  it('refuses an illegal move with the reason', async () => {
    const answer = await act('handler-BJ-001', reference, { type: 'reopen', reason: 'Customer unhappy.' });
    expect(answer.status).toBe(409);
    expect(errorSchema.parse(answer.json).error).toMatchObject({
      code: 'illegal_transition',
      message: 'cannot reopen a case that is registered',
    });
  });

  it('rejects a body that is not an action', async () => {
    const answer = await act('agent-BJ-001', reference, { type: 'dance' });
    expect(answer.status).toBe(400);
  });
});

describe('working a case to a decision', () => {
  let reference: string;

  beforeAll(async () => {
    reference = await register('agent-GZ-003', {
      branchCode: 'GZ-003',
      customer: { name: '韩梅梅', email: 'han.meimei@example.com' },
      language: 'en',
    });
  });

  it('assigns, pauses and resumes, escalates', async () => {
    expect((await actOk('head-GZ-003', reference, { type: 'assign', to: 'handler-GZ-003' })).handler).toBe(
      'handler-GZ-003',
    );
    expect((await actOk('handler-GZ-003', reference, { type: 'start_work' })).status).toBe('in_progress');
    expect(
      (await actOk('handler-GZ-003', reference, { type: 'pause', reason: 'Appraisal of the ATM.' })).status,
    ).toBe('paused');
    expect(
      (await actOk('handler-GZ-003', reference, { type: 'resume', reason: 'Report in.' })).status,
    ).not.toBe('paused');
    expect(
      (await actOk('handler-GZ-003', reference, { type: 'escalate', level: 2, reason: 'Difficult case.' }))
        .escalationLevel,
    ).toBe(2);
  });

  it('sends the bilingual decision to the customer', async () => {
    const resolved = await actOk('handler-GZ-003', reference, {
      type: 'resolve',
      decision: 'upheld',
      atFault: 'yes',
      remedy: 'We refund the second annual fee.',
      compensation: { amount: '200', currency: 'CNY' },
    });
    expect(resolved.status).toBe('resolved');
    expect(resolved.decision).toMatchObject({ decision: 'upheld', decidedBy: 'handler-GZ-003' });
    const decisionMail = (await capturedMail(runtime)).filter(
      (mail) => mail.to.includes('han.meimei@example.com') && mail.text.includes(reference),
    );
    const last = decisionMail.at(-1);
    expect(last?.text).toContain('Our decision on your complaint');
    expect(last?.text).toContain('投诉处理结果通知');
    expect(last?.text).toContain('We refund the second annual fee.');
  });

  it('reopens for a second contact', async () => {
    const reopened = await actOk('head-GZ-003', reference, { type: 'reopen', reason: 'Customer disagrees.' });
    expect(reopened.status).not.toBe('resolved');
  });
});

describe('withdrawal and merging', () => {
  it("withdraws at the customer's request and merges a duplicate", async () => {
    const kept = await register('handler-SH-002', { branchCode: 'SH-002' });
    const duplicate = await register('handler-SH-002', { branchCode: 'SH-002' });
    const gone = await register('handler-SH-002', { branchCode: 'SH-002' });
    expect((await actOk('handler-SH-002', duplicate, { type: 'merge', into: kept })).status).toBe('merged');
    expect((await actOk('handler-SH-002', gone, { type: 'withdraw', reason: 'Settled.' })).status).toBe(
      'withdrawn',
    );
    const missing = await act('handler-SH-002', kept, { type: 'merge', into: 'CN-NOPE' });
    expect(missing.status).toBe(409);
  });
});

describe('the case list', () => {
  it('shows each person only their scope, filtered and paged', async () => {
    const marker = await register('agent-SH-002', {
      branchCode: 'SH-002',
      subject: 'ATM kept my card (list test)',
      channel: 'walk_in',
    });
    const listed = async (user: string, query: string) => {
      const answer = await call(user, 'GET', `/api/cases${query}`);
      expect(answer.status, answer.text).toBe(200);
      return listSchema.parse(answer.json);
    };
    const references = (page: z.infer<typeof listSchema>) => page.cases.map((c) => c.reference);
    expect(references(await listed('agent-SH-002', ''))).toEqual([marker]);
    expect(references(await listed('head-SH-002', '?channel=walk_in'))).toContain(marker);
    expect(references(await listed('head-BJ-001', '?q=list%20test'))).toEqual([]);
    expect(references(await listed('cpo', '?q=list%20test&status=registered,in_progress'))).toEqual([marker]);
    expect(references(await listed('cpo', '?q=list%20test&status=closed'))).toEqual([]);

    // Walking the whole list a case at a time visits every case once.
    const all = references(await listed('cpo', '?limit=100'));
    const walked: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listed('cpo', `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...references(page));
      cursor = page.cursor;
    } while (cursor !== undefined);
    expect(walked.sort()).toEqual([...all].sort());
    expect(new Set(walked).size).toBe(walked.length);

    expect((await call('cpo', 'GET', '/api/cases?cursor=not-a-cursor')).status).toBe(400);
    expect((await call('cpo', 'GET', '/api/cases?overdue=maybe')).status).toBe(400);
  });

  it('finds overdue cases once their deadline has passed', async () => {
    const late = await register('handler-GZ-003', {
      branchCode: 'GZ-003',
      receivedAt: '2026-10-01T02:00:00.000Z',
    });
    const overdue = listSchema.parse((await call('handler-GZ-003', 'GET', '/api/cases?overdue=true')).json);
    expect(overdue.cases.map((c) => c.reference)).toContain(late);
    expect(overdue.cases.every((c) => c.overdue)).toBe(true);
  });
});

describe('branches', () => {
  it('lets the admin add a sub-branch whose cases its parent branch head then sees', async () => {
    const contacts = {
      dutyDesk: 'duty.bj011@bank.example',
      branchHead: 'head.bj011@bank.example',
      operationsSupervisor: 'ops.bj011@bank.example',
      deputyPresident: 'deputy.president@bank.example',
      president: 'president@bank.example',
    };
    const created = await call('admin', 'PUT', '/api/branches/BJ-011', {
      name: 'Beijing Chaoyang Sub-branch',
      parent: 'BJ-001',
      contacts,
    });
    expect(created.status, created.text).toBe(201);
    const updated = await call('admin', 'PUT', '/api/branches/BJ-011', {
      name: 'Beijing Chaoyang',
      parent: 'BJ-001',
      contacts,
    });
    expect(updated.status).toBe(200);
    const loop = await call('admin', 'PUT', '/api/branches/BJ-001', {
      name: 'Loop',
      parent: 'BJ-011',
      contacts,
    });
    expect(loop.status).toBe(400);

    const listed = z
      .object({ branches: z.array(z.object({ code: z.string(), name: z.string() })) })
      .parse((await call('agent-BJ-001', 'GET', '/api/branches')).json);
    expect(listed.branches).toContainEqual({
      ...listed.branches.find((b) => b.code === 'BJ-011'),
      name: 'Beijing Chaoyang',
    });

    const reference = await register('cpo', { branchCode: 'BJ-011' });
    expect((await call('head-BJ-001', 'GET', `/api/cases/${reference}`)).status).toBe(200);
    expect((await call('handler-BJ-001', 'GET', `/api/cases/${reference}`)).status).toBe(404);
  });
});
