import { createHash } from 'node:crypto';
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/local-runtime.js';
import { sampleRoutingRules } from '../../shared/config/routing-rules.js';
import {
  acceptedBodySchema,
  errorBodySchema,
  type SubmissionBody,
  statusBodySchema,
  tokenBits,
  validSubmission,
} from '../support/intake-fixtures.js';
import {
  type CapturedMail,
  capturedMail,
  clearMail,
  type HttpAnswer,
  postComplaint,
  type RuntimeFixture,
  request,
  startRuntimeAt,
  storedReferences,
} from '../support/local-runtime-fixture.js';

/** Monday 23 November 2026, 10:00 in Beijing: a working day. */
const START = new Date('2026-11-23T02:00:00.000Z');
/** 15 calendar days after receipt, at the end of that Beijing day (8 December, 23:59:59.999 +08:00). */
const DECIDE_BY = '2026-12-08T15:59:59.999Z';
/** The next working day, at the end of the Beijing day. */
const ACKNOWLEDGE_BY = '2026-11-24T15:59:59.999Z';

let fixture: RuntimeFixture;
let runtime: LocalRuntime;

beforeAll(async () => {
  fixture = await startRuntimeAt(START);
  runtime = fixture.runtime;
});

afterAll(async () => {
  await fixture?.dispose();
});

interface Accepted {
  reference: string;
  trackingToken: string;
  statusUrl: string;
}

const submit = async (body: SubmissionBody, headers: Record<string, string> = {}): Promise<Accepted> => {
  const answer = await postComplaint(runtime, body, headers);
  expect(answer.status, answer.text).toBe(202);
  return acceptedBodySchema.parse(answer.json);
};

const statusOf = (reference: string, query: string): Promise<HttpAnswer> =>
  request(`${runtime.url}/api/complaints/${reference}${query}`);

const mailTo = async (address: string): Promise<CapturedMail[]> =>
  (await capturedMail(runtime)).filter((mail) => mail.to.includes(address));

const kindsOf = async (reference: string): Promise<string[]> =>
  (await runtime.store.listEvents(reference)).map((event) => event.kind);

describe('a complaint from the web form', () => {
  let accepted: Accepted;
  const body = validSubmission({
    customer: { name: '王芳', email: 'wang.fang@example.com' },
    branchCode: 'BJ-001',
    language: 'zh-CN',
  });

  beforeAll(async () => {
    accepted = await submit(body);
    await runtime.settle();
  });

  it('is accepted with a dated reference, a strong token and its status address', () => {
    expect(accepted.reference).toMatch(/^RD-20261123-[2-9A-HJKMNP-TV-Z]{6}$/);
    expect(tokenBits(accepted.trackingToken)).toBeGreaterThanOrEqual(128);
    expect(accepted.statusUrl).toBe(
      `/status/${accepted.reference}?token=${encodeURIComponent(accepted.trackingToken)}`,
    );
  });

  it('is registered to the named branch duty desk with the CN 2020 deadlines', async () => {
    const registered = await runtime.store.get(accepted.reference);
    expect(registered).toMatchObject({
      status: 'registered',
      channel: 'web',
      firstResponder: 'desk:BJ-001',
      priority: 'normal',
      repeatComplainant: false,
      clockPolicyId: 'cn-2020',
      calendarId: 'cn-mainland',
      receivedAt: START.toISOString(),
      registeredAt: START.toISOString(),
      acknowledgedAt: START.toISOString(),
      branchCode: 'BJ-001',
      subject: body.subject,
      customer: { name: '王芳', email: 'wang.fang@example.com' },
    });
    expect(registered?.deadlines?.decideBy).toBe(DECIDE_BY);
    expect(registered?.deadlines?.acknowledgeBy).toBe(ACKNOWLEDGE_BY);
  });

  it('keeps only a hash of the tracking token', async () => {
    const registered = await runtime.store.get(accepted.reference);
    expect(registered?.trackingTokenHash).toBe(
      createHash('sha256').update(accepted.trackingToken).digest('hex'),
    );
    expect(JSON.stringify(registered)).not.toContain(accepted.trackingToken);
    expect(JSON.stringify(await runtime.store.listEvents(accepted.reference))).not.toContain(
      accepted.trackingToken,
    );
  });

  it('records each step in the ledger', async () => {
    expect(await kindsOf(accepted.reference)).toEqual([
      'case.received',
      'case.registered',
      'case.acknowledged',
      // Proof the customer was told: locally a captured mail counts as delivered.
      'case.notice_delivered',
    ]);
  });

  it('sends one acknowledgement in Chinese with English below, naming the reference, date, desk and link', async () => {
    const mails = await mailTo('wang.fang@example.com');
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    if (mail === undefined) throw new Error('no acknowledgement captured');

    expect(mail.subject).toBe(`[${accepted.reference}] 投诉受理通知 / Complaint received`);
    expect(mail.from).toBe(runtime.config.senderAddress);
    const chinese = mail.text.indexOf('投诉受理通知');
    const english = mail.text.indexOf('Complaint received');
    expect(chinese).toBeGreaterThanOrEqual(0);
    expect(english).toBeGreaterThan(chinese);

    expect(mail.text).toContain('答复期限：2026年12月8日 23:59（北京时间）');
    expect(mail.text).toContain('Reply due by: 8 December 2026, 23:59 (UTC+8)');
    const desk = sampleRoutingRules.branches['BJ-001']?.dutyDesk;
    expect(mail.text).toContain(`请联系${desk?.name['zh-CN']}`);
    expect(mail.text).toContain(`please contact ${desk?.name.en}`);
    expect(mail.text).toContain(`${desk?.email}`);
    expect(mail.text).toContain(`${desk?.phone}`);

    const link = `${runtime.config.publicBaseUrl}/status/${accepted.reference}?token=${accepted.trackingToken}`;
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);

    const acknowledged = await runtime.store.listEvents(accepted.reference);
    expect(acknowledged.find((event) => event.kind === 'case.acknowledged')).toMatchObject({
      data: { messageId: mail.id },
    });
  });

  it('shows the customer the status and history, in their language or the one asked for', async () => {
    const answer = await statusOf(accepted.reference, `?token=${accepted.trackingToken}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(statusBodySchema.parse(answer.json)).toEqual({
      reference: accepted.reference,
      status: 'registered',
      receivedAt: START.toISOString(),
      acknowledgeBy: ACKNOWLEDGE_BY,
      decideBy: DECIDE_BY,
      history: [
        { at: START.toISOString(), kind: 'case.received', text: '我们已收到您的投诉。' },
        {
          at: START.toISOString(),
          kind: 'case.registered',
          text: '您的投诉已登记受理，并已指定专人负责。',
        },
        { at: START.toISOString(), kind: 'case.acknowledged', text: '我们已向您发送受理通知。' },
      ],
    });

    const english = statusBodySchema.parse(
      (await statusOf(accepted.reference, `?token=${accepted.trackingToken}&lang=en`)).json,
    );
    expect(english.history.map((entry) => entry.text)).toEqual([
      'We received your complaint.',
      'Your complaint was registered and a named person is responsible for it.',
      'We sent you an acknowledgement.',
    ]);
  });

  it('shows nothing internal or personal on the status answer', async () => {
    const answer = await statusOf(accepted.reference, `?token=${accepted.trackingToken}`);
    for (const secret of [
      'wang.fang@example.com',
      '王芳',
      'desk:BJ-001',
      'system:intake-worker',
      'trackingToken',
    ]) {
      expect(answer.text).not.toContain(secret);
    }
  });

  it('answers a wrong token exactly as it answers a reference that was never issued', async () => {
    const wrongToken = await statusOf(accepted.reference, `?token=${'A'.repeat(43)}`);
    const otherCasesToken = await statusOf('RD-20261123-7K3QX9', `?token=${accepted.trackingToken}`);
    const noToken = await statusOf(accepted.reference, '');
    expect(wrongToken.status).toBe(404);
    expect(errorBodySchema.parse(wrongToken.json).error.code).toBe('not_found');
    for (const other of [otherCasesToken, noToken]) {
      expect(other.status).toBe(404);
      expect(other.text).toBe(wrongToken.text);
      expect(other.headers.get('content-type')).toBe(wrongToken.headers.get('content-type'));
    }
  });
});

describe('routing to the first responder', () => {
  it('sends a complaint for an unknown branch, or no branch, to the consumer-protection desk', async () => {
    const unknownBranch = await submit(
      validSubmission({ branchCode: 'ZZ-999', customer: { name: 'Li Lei', email: 'li.lei@example.com' } }),
    );
    const { branchCode: _none, ...withoutBranch } = validSubmission({
      customer: { name: 'Han Mei', email: 'han.mei@example.com' },
    });
    const noBranch = await submit(withoutBranch);
    await runtime.settle();
    for (const { reference } of [unknownBranch, noBranch]) {
      expect(await runtime.store.get(reference)).toMatchObject({
        status: 'registered',
        firstResponder: sampleRoutingRules.consumerProtectionDesk.id,
      });
    }
  });

  it('writes to an English-speaking customer in English first, Chinese below, naming the desk in each', async () => {
    const accepted = await submit(
      validSubmission({
        language: 'en',
        branchCode: 'SH-002',
        subject: 'Card fee charged twice',
        customer: { name: 'Emma Clark', email: 'emma.clark@example.com' },
      }),
    );
    await runtime.settle();
    const [mail] = await mailTo('emma.clark@example.com');
    if (mail === undefined) throw new Error('no acknowledgement captured');
    expect(mail.subject).toBe(`[${accepted.reference}] Complaint received / 投诉受理通知`);
    expect(mail.text.indexOf('Dear customer,')).toBeLessThan(mail.text.indexOf('尊敬的客户：'));
    expect(mail.text).not.toContain('Emma Clark');
    expect(mail.text).not.toContain('Card fee charged twice');
    expect(mail.text).toContain('please contact Shanghai Pudong Sub-branch');
    expect(mail.text).toContain('请联系上海浦东支行');
    expect(mail.text).toContain('Reply due by: 8 December 2026, 23:59 (UTC+8)');
    expect(mail.text).toContain('答复期限：2026年12月8日 23:59（北京时间）');
  });
});

describe('a web-form submission aimed at someone else', () => {
  it("acknowledges with the reference and the bank's own words only, echoing no link, number or text", async () => {
    const accepted = await submit(
      validSubmission({
        customer: { name: 'Visit http://bank-verify.example/login', email: 'victim.echo@example.com' },
        subject: 'URGENT call 400-123-4567 http://evil.example',
        language: 'en',
      }),
    );
    await runtime.settle();
    const [mail] = await mailTo('victim.echo@example.com');
    if (mail === undefined) throw new Error('no acknowledgement captured');
    for (const body of [mail.text, mail.html, mail.subject]) {
      for (const echoed of [
        'bank-verify.example',
        'http://evil.example',
        '400-123-4567',
        'URGENT',
        'Visit',
      ]) {
        expect(body).not.toContain(echoed);
      }
    }
    expect(mail.text).toContain(accepted.reference);
    expect(mail.html).toContain(accepted.reference);
  });
});

describe('retries with an Idempotency-Key', () => {
  it('give the same answer, one case and one e-mail for the same key and body', async () => {
    const body = validSubmission({ customer: { name: 'Sun Qiang', email: 'sun.qiang@example.com' } });
    const before = await storedReferences(runtime);
    const first = await postComplaint(runtime, body, { 'Idempotency-Key': 'retry-4f1c2a9e' });
    const second = await postComplaint(runtime, body, { 'Idempotency-Key': 'retry-4f1c2a9e' });
    await runtime.settle();

    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.text).toBe(first.text);
    const { reference } = acceptedBodySchema.parse(first.json);
    expect((await storedReferences(runtime)).filter((known) => !before.includes(known))).toEqual([reference]);
    expect(await mailTo('sun.qiang@example.com')).toHaveLength(1);
  });

  it('refuse the same key with another body and create nothing', async () => {
    const body = validSubmission({ customer: { name: 'Zhou Min', email: 'zhou.min@example.com' } });
    const first = await postComplaint(runtime, body, { 'Idempotency-Key': 'retry-77aa0b13' });
    expect(first.status).toBe(202);
    const before = await storedReferences(runtime);

    const changed = await postComplaint(
      runtime,
      { ...body, subject: 'Something else entirely' },
      { 'Idempotency-Key': 'retry-77aa0b13' },
    );
    await runtime.settle();
    expect(changed.status).toBe(409);
    expect(errorBodySchema.parse(changed.json)).toEqual({
      error: {
        code: 'idempotency_key_reused',
        message: 'This Idempotency-Key was used with a different body.',
        fields: [],
      },
    });
    expect(await storedReferences(runtime)).toEqual(before);
    expect(await mailTo('zhou.min@example.com')).toHaveLength(1);
  });
});

describe('repeat complainants', () => {
  it('are flagged on a second complaint from the same e-mail written differently', async () => {
    const first = await submit(
      validSubmission({ customer: { name: 'Zhao Lei', email: 'Zhao.Lei@Example.COM' } }),
    );
    await runtime.settle();
    const second = await submit(
      validSubmission({
        customer: { name: 'Zhao Lei', email: 'zhao.lei@example.com' },
        subject: '又一次扣费',
      }),
    );
    await runtime.settle();
    expect((await runtime.store.get(first.reference))?.repeatComplainant).toBe(false);
    expect((await runtime.store.get(second.reference))?.repeatComplainant).toBe(true);
  });

  it('are flagged on a second complaint from the same phone number spaced differently', async () => {
    const first = await submit(
      validSubmission({ customer: { name: 'Qian Yu', phone: '+86 139 1234 5678' } }),
    );
    await runtime.settle();
    const second = await submit(
      validSubmission({ customer: { name: 'Qian Yu', phone: '+86-139-1234-5678' } }),
    );
    await runtime.settle();
    expect((await runtime.store.get(first.reference))?.repeatComplainant).toBe(false);
    expect((await runtime.store.get(second.reference))?.repeatComplainant).toBe(true);
  });
});

describe('the green channel', () => {
  it('takes a customer aged 70 with a 2-hour acknowledgement and a 7-day decision', async () => {
    const elderly = await submit(
      validSubmission({ customer: { name: 'Wu Jian', email: 'wu.jian@example.com', age: 70 } }),
    );
    const younger = await submit(
      validSubmission({ customer: { name: 'Wu Ping', email: 'wu.ping@example.com', age: 69 } }),
    );
    await runtime.settle();
    expect(await runtime.store.get(elderly.reference)).toMatchObject({
      priority: 'green_channel',
      deadlines: { acknowledgeBy: '2026-11-23T04:00:00.000Z', decideBy: '2026-11-30T15:59:59.999Z' },
    });
    expect(await runtime.store.get(younger.reference)).toMatchObject({
      priority: 'normal',
      deadlines: { acknowledgeBy: ACKNOWLEDGE_BY, decideBy: DECIDE_BY },
    });
    const [mail] = await mailTo('wu.jian@example.com');
    expect(mail?.text).toContain('答复期限：2026年11月30日 23:59（北京时间）');
  });
});

describe('an anonymous complaint without contact details', () => {
  it('is registered and kept without the name, and no e-mail goes anywhere', async () => {
    await clearMail(runtime);
    expect(await capturedMail(runtime)).toEqual([]);
    const accepted = await submit(
      validSubmission({ anonymous: true, customer: { name: 'Not To Be Kept' }, branchCode: 'GZ-003' }),
    );
    await runtime.settle();
    const registered = await runtime.store.get(accepted.reference);
    expect(registered).toMatchObject({
      status: 'registered',
      anonymous: true,
      firstResponder: 'desk:GZ-003',
    });
    expect(registered?.customer).toEqual({});
    expect(registered?.acknowledgedAt).toBeUndefined();
    expect(await kindsOf(accepted.reference)).toEqual(['case.received', 'case.registered']);
    expect(await capturedMail(runtime)).toEqual([]);
  });
});

describe('a complaint accepted while the intake queue is down', () => {
  it('is still accepted and is registered by the re-drive once five minutes have passed', async () => {
    // The runtime builds its own SQS client, so the outage is injected on the client class for
    // the length of one request: sends fail, and the poller's receives find nothing meanwhile.
    const outage = mockClient(SQSClient);
    outage.on(SendMessageCommand).rejects(new Error('connect ECONNREFUSED'));
    outage
      .on(ReceiveMessageCommand)
      .callsFake(() => new Promise((resolve) => setTimeout(() => resolve({ Messages: [] }), 100)));
    let answer: HttpAnswer;
    try {
      answer = await postComplaint(
        runtime,
        validSubmission({ customer: { name: 'Zheng Hao', email: 'zheng.hao@example.com' } }),
      );
    } finally {
      outage.restore();
    }
    expect(answer.status, answer.text).toBe(202);
    expect(outage.commandCalls(SendMessageCommand)).toHaveLength(1);
    const { reference } = acceptedBodySchema.parse(answer.json);

    await runtime.settle();
    expect((await runtime.store.get(reference))?.status).toBe('received');
    expect(await mailTo('zheng.hao@example.com')).toEqual([]);

    // Four minutes on, it is not yet due for a re-drive.
    await runtime.clock.advance(4 * 60 * 1000);
    expect(await runtime.redrive()).not.toContain(reference);

    await runtime.clock.advance(2 * 60 * 1000);
    expect(await runtime.redrive()).toEqual([reference]);
    await runtime.settle();

    const registered = await runtime.store.get(reference);
    expect(registered).toMatchObject({
      status: 'registered',
      receivedAt: START.toISOString(),
      registeredAt: new Date(START.getTime() + 6 * 60 * 1000).toISOString(),
    });
    // The clock runs from receipt, not from the late registration.
    expect(registered?.deadlines?.decideBy).toBe(DECIDE_BY);
    const mails = await mailTo('zheng.hao@example.com');
    expect(mails).toHaveLength(1);
    // The token travels only with the first queue message, so the re-driven mail links the site.
    expect(mails[0]?.text).toContain(`${runtime.config.publicBaseUrl}/`);
    expect(mails[0]?.subject).toContain(`[${reference}]`);

    // A second re-drive finds nothing stuck.
    expect(await runtime.redrive()).toEqual([]);
  });
});
