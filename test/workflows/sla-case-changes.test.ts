import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LocalRuntime } from '../../infra/local/local-runtime.js';
import type { Actor } from '../../shared/domain/case/case-types.js';
import {
  capturedMail,
  moveClock,
  postComplaint,
  type RuntimeFixture,
  startRuntimeAt,
} from '../support/local-runtime-fixture.js';

let fixture: RuntimeFixture;
let runtime: LocalRuntime;
const handler: Actor = { id: 'handler-sh002', kind: 'staff', role: 'handler' };
const supervisor: Actor = { id: 'ops-sh002', kind: 'staff', role: 'operations_supervisor' };

const mailAbout = async (reference: string) =>
  (await capturedMail(runtime)).filter((m) => m.subject.includes(reference));
const advance = (duration: string) => moveClock(runtime, { advance: duration });
const submit = async (subject: string): Promise<string> => {
  const answer = await postComplaint(runtime, {
    customer: { name: 'Chen Jie', email: 'chen.jie@example.com' },
    anonymous: false,
    branchCode: 'SH-002',
    subject,
    description: 'Details of the complaint for the SLA test.',
    language: 'en',
    consent: true,
  });
  expect(answer.status).toBe(202);
  const { reference } = z.object({ reference: z.string() }).parse(answer.json);
  await runtime.settle();
  return reference;
};

beforeAll(async () => {
  fixture = await startRuntimeAt(new Date('2026-11-23T01:00:00Z'));
  runtime = fixture.runtime;
});

afterAll(async () => {
  await fixture.dispose();
});

describe('case changes the SLA watch picks up', () => {
  it('a case decided before its deadline is never escalated', async () => {
    const reference = await submit('Wrong exchange rate applied');
    await advance('P3D');
    await runtime.caseAction(reference, { type: 'start_work' }, handler);
    await runtime.caseAction(
      reference,
      {
        type: 'resolve',
        decision: 'upheld',
        atFault: 'yes',
        remedy: 'Difference refunded',
        letter: 'We are sorry.',
      },
      handler,
    );
    await advance('P30D');
    const mail = await mailAbout(reference);
    expect(mail.map((m) => m.to)).toEqual([['chen.jie@example.com'], ['chen.jie@example.com']]);
    expect(mail[1]?.subject).toMatch(/decision/i);
    expect((await runtime.store.get(reference))?.escalationLevel).toBe(0);
  });

  it('an extension moves the deadline, tells the customer, and the breach waits for the new date', async () => {
    const reference = await submit('Loan statement missing');
    await advance('P10D');
    const original = (await runtime.store.get(reference))?.deadlines?.decideBy ?? '';
    await runtime.caseAction(
      reference,
      { type: 'extend', reason: 'We need records from the archive.' },
      handler,
    );
    const extended = await runtime.store.get(reference);
    // From 15 to 30 calendar days after receipt: still the end of a Beijing day, 15 days later.
    expect(Date.parse(extended?.deadlines?.decideBy ?? '') - Date.parse(original)).toBe(
      15 * 24 * 3600 * 1000,
    );
    expect(extended?.deadlines?.decideBy).toMatch(/T15:59:59\.999Z$/);
    const notice = (await mailAbout(reference)).at(-1);
    expect(notice?.to).toEqual(['chen.jie@example.com']);
    expect(notice?.text).toContain('We need records from the archive.');

    await advance('P10D'); // 20 days after receipt: past the original deadline, before the new one.
    expect((await runtime.store.get(reference))?.breachedAt).toBeUndefined();
    await advance('P11D'); // 31 days after receipt: past the extended deadline.
    const breached = await runtime.store.get(reference);
    expect(breached?.breachedAt).toBeDefined();
    expect(breached?.escalationLevel).toBe(1);
    expect(runtime.slaFailures).toEqual([]);
  });

  it('paused time does not count: the deadline moves by the pause and no breach happens meanwhile', async () => {
    const reference = await submit('Card retained by ATM, sent for testing');
    await runtime.caseAction(reference, { type: 'start_work' }, handler);
    await advance('P5D');
    await runtime.caseAction(
      reference,
      { type: 'pause', reason: 'Card sent to the manufacturer for testing' },
      supervisor,
    );
    await advance('P20D');
    const paused = await runtime.store.get(reference);
    expect(paused?.status).toBe('paused');
    expect(paused?.breachedAt).toBeUndefined();
    expect(paused?.escalationLevel).toBe(0);

    const before = Date.parse(paused?.deadlines?.decideBy ?? '');
    await runtime.caseAction(reference, { type: 'resume' }, supervisor);
    const resumed = await runtime.store.get(reference);
    expect(Date.parse(resumed?.deadlines?.decideBy ?? '') - before).toBe(20 * 24 * 3600 * 1000);
    const notices = (await mailAbout(reference)).map((m) => m.subject);
    expect(notices.some((subject) => /paused/i.test(subject))).toBe(true);
    expect(notices.some((subject) => /resumed/i.test(subject))).toBe(true);

    await advance('P11D'); // past the moved deadline: the new watch breaches and escalates.
    expect((await runtime.store.get(reference))?.escalationLevel).toBe(1);
    expect(runtime.slaFailures).toEqual([]);
  });

  it('tells the first responder and the branch head when nobody acknowledged a phone-only complaint', async () => {
    const answer = await postComplaint(runtime, {
      customer: { name: 'Wu Lei', phone: '+86 21 5555 0101' },
      anonymous: false,
      branchCode: 'SH-002',
      subject: 'Queue number system broken',
      description: 'Waited two hours at the branch.',
      language: 'en',
      consent: true,
    });
    const { reference } = z.object({ reference: z.string() }).parse(answer.json);
    await runtime.settle();
    expect(await mailAbout(reference)).toEqual([]);
    await advance('P3D');
    const overdue = await mailAbout(reference);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]?.to.sort()).toEqual(['duty.sh002@bank.example', 'head.sh002@bank.example']);
    expect((await runtime.store.get(reference))?.acknowledgementOverdueNotifiedAt).toBeDefined();
  });
});
