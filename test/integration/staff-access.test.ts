import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LocalRuntime } from '../../infra/local/local-runtime.js';
import { validSubmission } from '../support/intake-fixtures.js';
import {
  type HttpAnswer,
  type RuntimeFixture,
  request,
  startRuntimeAt,
} from '../support/local-runtime-fixture.js';

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

const users = [
  'cpo',
  'admin',
  'president',
  'deputy-president',
  'head-BJ-001',
  'ops-BJ-001',
  'handler-BJ-001',
  'agent-BJ-001',
  'head-SH-002',
  'ops-SH-002',
  'handler-SH-002',
  'agent-SH-002',
] as const;
type User = (typeof users)[number];

const call = async (user: User, method: string, path: string, body?: unknown): Promise<HttpAnswer> => {
  const issued = await request(`${runtime.url}/_local/token?user=${user}`);
  const { token } = z.object({ token: z.string() }).parse(issued.json);
  return request(`${runtime.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
};

const complaint = (branchCode: string) => ({
  ...validSubmission({ branchCode, customer: { name: '赵敏', phone: '+86 137 0000 0000' } }),
  channel: 'letter',
});

/** A Beijing case taken down by the Beijing agent, who is its first responder. */
const beijingCase = async (): Promise<string> => {
  const answer = await call('agent-BJ-001', 'POST', '/api/cases', complaint('BJ-001'));
  expect(answer.status, answer.text).toBe(202);
  await runtime.settle();
  return z.object({ reference: z.string() }).parse(answer.json).reference;
};

const allowed = (answer: HttpAnswer): boolean => answer.status >= 200 && answer.status < 300;

/** Who is let through, in the order of `users`; every denial must be a 403 or a 404. */
const outcomes = async (run: (user: User) => Promise<HttpAnswer>): Promise<User[]> => {
  const letThrough: User[] = [];
  for (const user of users) {
    const answer = await run(user);
    if (allowed(answer)) letThrough.push(user);
    else expect([403, 404], `${user}: ${answer.text}`).toContain(answer.status);
  }
  return letThrough;
};

const only = (...who: User[]): User[] => users.filter((user) => who.includes(user));
const everyoneBut = (...who: User[]): User[] => users.filter((user) => !who.includes(user));

const beijingScope: User[] = ['cpo', 'head-BJ-001', 'ops-BJ-001', 'handler-BJ-001', 'agent-BJ-001'];

describe('every staff route as every role', () => {
  let reference: string;

  beforeAll(async () => {
    reference = await beijingCase();
  });

  it('GET /api/cases: everyone who works complaints, not the admin', async () => {
    expect(await outcomes((user) => call(user, 'GET', '/api/cases'))).toEqual(everyoneBut('admin'));
  });

  it('GET /api/cases lists the Beijing case only to those whose scope holds it', async () => {
    const listed = await outcomes(async (user) => {
      const answer = await call(user, 'GET', '/api/cases?limit=100');
      const page = z.object({ cases: z.array(z.object({ reference: z.string() })) }).safeParse(answer.json);
      const found = page.success && page.data.cases.some((c) => c.reference === reference);
      return { ...answer, status: found ? 200 : 404 };
    });
    expect(listed).toEqual(only(...beijingScope));
  });

  it('POST /api/cases: everyone who works complaints, not the admin', async () => {
    expect(await outcomes((user) => call(user, 'POST', '/api/cases', complaint('SH-002')))).toEqual(
      everyoneBut('admin'),
    );
  });

  it('GET /api/cases/{reference}: the branch, its first responder and consumer protection', async () => {
    expect(await outcomes((user) => call(user, 'GET', `/api/cases/${reference}`))).toEqual(
      only(...beijingScope),
    );
  });

  it('POST /api/cases/{reference}/actions (note): the same people', async () => {
    const note = (user: User) =>
      call(user, 'POST', `/api/cases/${reference}/actions`, { type: 'note', text: `seen by ${user}` });
    expect(await outcomes(note)).toEqual(only(...beijingScope));
  });

  it('POST /api/cases/{reference}/actions (assign): not the agent', async () => {
    const assign = (user: User) =>
      call(user, 'POST', `/api/cases/${reference}/actions`, { type: 'assign', to: 'handler-BJ-001' });
    expect(await outcomes(assign)).toEqual(only('cpo', 'head-BJ-001', 'ops-BJ-001', 'handler-BJ-001'));
  });

  it('GET /api/branches: everyone', async () => {
    expect(await outcomes((user) => call(user, 'GET', '/api/branches'))).toEqual(only(...users));
  });

  it('PUT /api/branches/{code}: the admin only', async () => {
    const put = (user: User) =>
      call(user, 'PUT', '/api/branches/SZ-004', {
        name: 'Shenzhen Futian Sub-branch',
        contacts: {
          dutyDesk: 'duty.sz004@bank.example',
          branchHead: 'head.sz004@bank.example',
          operationsSupervisor: 'ops.sz004@bank.example',
          deputyPresident: 'deputy.president@bank.example',
          president: 'president@bank.example',
        },
      });
    expect(await outcomes(put)).toEqual(only('admin'));
  });

  it('GET /api/branches/{code}/changes: consumer protection and the admin, naming who changed it', async () => {
    const read = (user: User) => call(user, 'GET', '/api/branches/SZ-004/changes');
    expect(await outcomes(read)).toEqual(only('cpo', 'admin'));
    const answer = await read('cpo');
    const { changes } = z
      .object({ changes: z.array(z.object({ actor: z.object({ id: z.string() }) })) })
      .parse(answer.json);
    expect(changes.map((change) => change.actor.id)).toEqual(['admin']);
  });
});

describe('the bank leaders', () => {
  it('see a case once it is escalated to their rung, and not before', async () => {
    const reference = await beijingCase();
    const readers = () => outcomes((user) => call(user, 'GET', `/api/cases/${reference}`));
    expect(await readers()).toEqual(only(...beijingScope));

    const escalate = (level: number) =>
      call('head-BJ-001', 'POST', `/api/cases/${reference}/actions`, {
        type: 'escalate',
        level,
        reason: 'Major complaint',
      });
    expect((await escalate(3)).status).toBe(200);
    expect(await readers()).toEqual(only(...beijingScope, 'deputy-president'));
    expect((await escalate(4)).status).toBe(200);
    expect(await readers()).toEqual(only(...beijingScope, 'deputy-president', 'president'));
  });
});
