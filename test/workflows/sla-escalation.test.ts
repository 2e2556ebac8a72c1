import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LocalRuntime } from '../../infra/local/local-runtime.js';
import { validSubmission } from '../support/intake-fixtures.js';
import {
  capturedMail,
  moveClock as move,
  postComplaint,
  type RuntimeFixture,
  request,
  startRuntimeAt,
} from '../support/local-runtime-fixture.js';

let fixture: RuntimeFixture;
let runtime: LocalRuntime;
const mail = () => capturedMail(runtime);
const moveClock = (body: { advance: string }) => move(runtime, body);

beforeAll(async () => {
  // Monday 23 November 2026, 09:00 in Beijing.
  fixture = await startRuntimeAt(new Date('2026-11-23T01:00:00Z'));
  runtime = fixture.runtime;
});

afterAll(async () => {
  await fixture.dispose();
});

describe('SLA workflow through the local server', () => {
  let reference = '';

  it('reminds, records the breach and escalates to the branch head when 16 days pass unanswered', async () => {
    const accepted = await fetch(`${runtime.url}/api/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        customer: { name: '赵敏', email: 'zhao.min@example.com' },
        anonymous: false,
        branchCode: 'BJ-001',
        subject: '理财产品赎回款未到账',
        description: '11月20日赎回的理财产品，资金至今未到账。',
        language: 'zh-CN',
        consent: true,
      }),
    });
    expect(accepted.status).toBe(202);
    reference = z.object({ reference: z.string() }).parse(await accepted.json()).reference;
    await runtime.settle();
    expect((await mail()).map((m) => m.to)).toEqual([['zhao.min@example.com']]);

    expect(await moveClock({ advance: 'P16D' })).toBe('2026-12-09T01:00:00.000Z');

    const sent = (await mail()).slice(1);
    const about = (needle: RegExp) => sent.filter((m) => needle.test(m.subject));
    expect(sent.every((m) => m.subject.includes(`[${reference}]`))).toBe(true);
    expect(about(/督办|remind/i).map((m) => m.to)).toEqual([['duty.bj001@bank.example']]);
    expect(about(/超时|逾期|breach|overdue/i).length).toBeGreaterThanOrEqual(1);
    const escalations = about(/升级|escalat/i);
    expect(escalations.map((m) => m.to.sort())).toEqual([
      ['duty.bj001@bank.example', 'head.bj001@bank.example'],
    ]);
    expect(escalations[0]?.text).toContain('2026年12月8日 23:59');

    const complaint = await runtime.store.get(reference);
    expect(complaint?.escalationLevel).toBe(1);
    expect(complaint?.breachedAt).toBeDefined();
    expect(runtime.slaFailures).toEqual([]);
  });

  it('climbs one rung per working day up to the president, and no further', async () => {
    await moveClock({ advance: 'P10D' });
    const escalations = (await mail()).filter((m) => /升级|escalat/i.test(m.subject));
    const rungs = escalations.map((m) => m.to.filter((to) => to !== 'duty.bj001@bank.example'));
    expect(rungs).toEqual([
      ['head.bj001@bank.example'],
      ['ops.bj001@bank.example'],
      ['deputy.president@bank.example'],
      ['president@bank.example'],
    ]);
    expect((await runtime.store.get(reference))?.escalationLevel).toBe(4);
    const events = await runtime.store.listEvents(reference);
    expect(events.filter((event) => event.kind === 'case.escalated')).toHaveLength(4);
  });
});

describe('who the ladder notices go to', () => {
  it('follows the duty desk and ladder contacts the admin keeps, from the next notice on', async () => {
    const token = z
      .object({ token: z.string() })
      .parse((await request(`${runtime.url}/_local/token?user=admin`)).json).token;
    const updated = await request(`${runtime.url}/api/branches/SH-002`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Shanghai Pudong sub-branch',
        contacts: {
          dutyDesk: 'new.duty.sh002@bank.example',
          branchHead: 'new.head.sh002@bank.example',
          operationsSupervisor: 'ops.sh002@bank.example',
          deputyPresident: 'deputy.president@bank.example',
          president: 'president@bank.example',
        },
      }),
    });
    expect(updated.status, updated.text).toBe(200);

    const accepted = await postComplaint(
      runtime,
      validSubmission({
        customer: { name: 'Chen Jing', email: 'chen.jing@example.com' },
        branchCode: 'SH-002',
      }),
    );
    expect(accepted.status, accepted.text).toBe(202);
    const { reference } = z.object({ reference: z.string() }).parse(accepted.json);
    await runtime.settle();
    await moveClock({ advance: 'P16D' });

    const sent = await mail();
    const about = (needle: RegExp) =>
      sent.find((m) => m.subject.includes(`[${reference}]`) && needle.test(m.subject));
    expect(about(/督办|remind/i)?.to).toEqual(['new.duty.sh002@bank.example']);
    expect(about(/升级|escalat/i)?.to.sort()).toEqual([
      'new.duty.sh002@bank.example',
      'new.head.sh002@bank.example',
    ]);
  });
});
