import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LocalRuntime } from '../../infra/local/local-runtime.js';
import {
  staffCaseActionResponseSchema,
  staffCaseDetailResponseSchema,
} from '../../shared/schemas/staff-case-response-schema.js';
import { validSubmission } from '../support/intake-fixtures.js';
import {
  capturedMail,
  type HttpAnswer,
  moveClock,
  type RuntimeFixture,
  request,
  startRuntimeAt,
} from '../support/local-runtime-fixture.js';

/**
 * After the decision: the customer asks for a review (核查) by phone and staff record it, a leader
 * of the unit above answers it, and the case is closed. Through the staff API of the local runtime.
 */

/** Monday 23 November 2026, 10:00 in Beijing. */
const START = new Date('2026-11-23T02:00:00.000Z');
const DAY_MS = 24 * 3600 * 1000;

let fixture: RuntimeFixture;
let runtime: LocalRuntime;

beforeAll(async () => {
  fixture = await startRuntimeAt(START);
  runtime = fixture.runtime;
});

afterAll(async () => {
  await fixture?.dispose();
});

const call = async (user: string, method: string, path: string, body?: unknown): Promise<HttpAnswer> =>
  request(`${runtime.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${runtime.tokenFor(user)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const act = (user: string, reference: string, action: Record<string, unknown>) =>
  call(user, 'POST', `/api/cases/${reference}/actions`, action);

const actOk = async (user: string, reference: string, action: Record<string, unknown>) => {
  const answer = await act(user, reference, action);
  expect(answer.status, answer.text).toBe(200);
  await runtime.settle();
  return staffCaseActionResponseSchema.parse(answer.json).case;
};

const problemSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});

const CUSTOMER = 'zhao.lan@example.com';

/** A hotline complaint taken by the agent (its first responder), decided by the branch's handler. */
const decidedCase = async (): Promise<string> => {
  const answer = await call('agent-BJ-001', 'POST', '/api/cases', {
    ...validSubmission({ customer: { name: '赵兰', email: CUSTOMER } }),
    channel: 'hotline',
  });
  expect(answer.status, answer.text).toBe(202);
  const { reference } = z.object({ reference: z.string() }).parse(answer.json);
  await runtime.settle();
  await actOk('handler-BJ-001', reference, { type: 'start_work' });
  await actOk('handler-BJ-001', reference, {
    type: 'resolve',
    decision: 'rejected',
    atFault: 'no',
    letter: 'The second charge was the renewal fee for your second card.',
  });
  return reference;
};

const mailAbout = async (reference: string) =>
  (await capturedMail(runtime)).filter(
    (mail) => mail.to.includes(CUSTOMER) && mail.subject.includes(reference),
  );

describe('a review (核查) recorded by staff and answered by a leader', () => {
  let reference: string;

  beforeAll(async () => {
    reference = await decidedCase();
  });

  it('records the request ten days after the decision, with its own 30 days, and tells the customer', async () => {
    await moveClock(runtime, { advance: 'P10D' });
    const requestedAt = runtime.clock.now();
    const underReview = await actOk('agent-BJ-001', reference, {
      type: 'request_review',
      reason: 'The customer says there is only one card.',
    });
    expect(underReview.status).toBe('under_review');
    // cn-2020: a review is answered within 30 days of the request, to the end of that day in Beijing.
    const dueAt = Date.parse(underReview.deadlines?.reviewDecideBy ?? '');
    expect(dueAt - requestedAt.getTime()).toBeGreaterThan(30 * DAY_MS - DAY_MS);
    expect(dueAt - requestedAt.getTime()).toBeLessThanOrEqual(31 * DAY_MS);

    const received = (await mailAbout(reference)).filter((mail) => mail.subject.includes('核查申请受理通知'));
    expect(received).toHaveLength(1);
    expect(received[0]?.text).toContain('We have received your request for a review');
  });

  it('refuses the review answer from the handler who made the decision and from an agent', async () => {
    const handler = await act('handler-BJ-001', reference, {
      type: 'decide_review',
      outcome: 'confirmed',
      letter: 'The decision stands.',
    });
    expect(handler.status, handler.text).toBe(403);
    const agent = await act('agent-BJ-001', reference, {
      type: 'decide_review',
      outcome: 'confirmed',
      letter: 'x',
    });
    expect(agent.status, agent.text).toBe(403);
  });

  it('names the missing fields when a revised review leaves out the new decision', async () => {
    const answer = await act('head-BJ-001', reference, {
      type: 'decide_review',
      outcome: 'revised',
      letter: 'Changed.',
    });
    expect(answer.status).toBe(400);
    const paths = problemSchema.parse(answer.json).error.fields.map((field) => field.path);
    expect(paths).toEqual(expect.arrayContaining(['decision', 'atFault']));
  });

  it('lets the branch head revise the decision, and tells the customer the new one', async () => {
    const decided = await actOk('head-BJ-001', reference, {
      type: 'decide_review',
      outcome: 'revised',
      decision: 'upheld',
      atFault: 'yes',
      compensation: { amount: '300', currency: 'CNY' },
      letter: 'The second card was never issued; we refund the fee.',
    });
    expect(decided.status).toBe('resolved');
    expect(decided.decision).toMatchObject({ decision: 'upheld' });

    const outcome = (await mailAbout(reference)).filter((mail) => mail.subject.includes('核查结果通知'));
    expect(outcome).toHaveLength(1);
    expect(outcome[0]?.text).toContain('Decision changed');
    expect(outcome[0]?.text).toContain('人民币 300.00 元');

    const detail = staffCaseDetailResponseSchema.parse(
      (await call('cpo', 'GET', `/api/cases/${reference}`)).json,
    );
    expect(detail.timeline.map((event) => event.kind)).toEqual(
      expect.arrayContaining(['case.review_requested', 'case.review_decided']),
    );
  });

  it('is closed by the handler, not by an agent, and takes nothing after', async () => {
    const agent = await act('agent-BJ-001', reference, { type: 'close' });
    expect(agent.status, agent.text).toBe(403);
    const closed = await actOk('handler-BJ-001', reference, {
      type: 'close',
      note: 'Refund paid; customer content.',
    });
    expect(closed.status).toBe('closed');
    const again = await act('handler-BJ-001', reference, { type: 'note', text: 'One more thing.' });
    expect(again.status).toBe(409);
  });
});
