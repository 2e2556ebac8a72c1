import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBranchesHandler } from '../../functions/branches/create-handler.js';
import { proxyEvent } from '../../infra/local/proxy-event.js';
import { DynamoDbBranchDirectory } from '../../shared/adapters/dynamodb/branch-directory.js';
import { LOCAL_STAFF_AUDIENCE } from '../../shared/config/staff-audience.js';
import type { StaffRole } from '../../shared/domain/staff/staff-types.js';
import { branchChangeSchema, branchSchema } from '../../shared/schemas/staff-branch-schema.js';
import { type CaseTableFixture, createCaseTableFixture } from '../support/case-table-fixture.js';
import { lambdaContext, settableClock } from '../support/intake-fixtures.js';

const NOW = '2026-11-23T03:00:00.000Z';
let table: CaseTableFixture;
let branches: DynamoDbBranchDirectory;
const clock = settableClock(NOW);

const contacts = (code: string) => ({
  dutyDesk: `desk-${code}@bank.example`,
  branchHead: `head-${code}@bank.example`,
  operationsSupervisor: `ops-${code}@bank.example`,
  deputyPresident: 'deputy@bank.example',
  president: 'president@bank.example',
});

beforeAll(async () => {
  table = await createCaseTableFixture('branch-changes');
  branches = new DynamoDbBranchDirectory(table.documentClient, table.tableName);
  for (const code of ['BJ-001', 'SH-002', 'GZ-003']) {
    await branches.put(code, { name: `Branch ${code}`, contacts: contacts(code) }, new Date(NOW));
  }
});

afterAll(async () => {
  await table?.dispose();
});

interface Person {
  id: string;
  name: string;
  roles: StaffRole[];
  branch?: string;
}

const admin: Person = { id: 'admin-li', name: 'Li Admin', roles: ['admin'] };
const cpo: Person = { id: 'cpo-chen', name: 'Chen CPO', roles: ['consumer_protection_officer'] };
const handlerBj: Person = { id: 'handler-BJ-001', name: 'Handler', roles: ['handler'], branch: 'BJ-001' };
const headBj: Person = { id: 'head-BJ-001', name: 'Head', roles: ['branch_head'], branch: 'BJ-001' };

const event = (who: Person, method: 'GET' | 'PUT', path: string, code?: string, body?: unknown) =>
  proxyEvent({
    method,
    resource: code === undefined ? '/api/branches' : path.replace(code, '{code}'),
    path,
    pathParameters: code === undefined ? {} : { code },
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
    claims: {
      sub: who.id,
      'cognito:username': who.id,
      'cognito:groups': who.roles.join(','),
      name: who.name,
      token_use: 'id',
      aud: LOCAL_STAFF_AUDIENCE,
      ...(who.branch === undefined ? {} : { 'custom:branch': who.branch }),
    },
  });

const handler = () => createBranchesHandler({ branches, clock, staffAudience: LOCAL_STAFF_AUDIENCE });

const putBranch = (who: Person, code: string, body: unknown) =>
  handler()(event(who, 'PUT', `/api/branches/${code}`, code, body), lambdaContext('branches'));

const readChanges = (who: Person, code: string) =>
  handler()(event(who, 'GET', `/api/branches/${code}/changes`, code), lambdaContext('branches'));

const changesBody = z.object({ changes: z.array(branchChangeSchema) });

describe('branch changes are recorded and readable by the consumer-protection office', () => {
  it('names the admin, the time, the old and the new parent when a branch is re-parented', async () => {
    clock.set('2026-11-23T04:15:00.000Z');
    const moved = await putBranch(admin, 'SH-002', {
      name: 'Branch SH-002',
      parent: 'BJ-001',
      contacts: contacts('SH-002'),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(branchSchema.parse(JSON.parse(moved.body).branch).parent).toBe('BJ-001');

    const answer = await readChanges(cpo, 'SH-002');
    expect(answer.statusCode, answer.body).toBe(200);
    const { changes } = changesBody.parse(JSON.parse(answer.body));
    const last = changes.at(-1);
    expect(last).toMatchObject({
      code: 'SH-002',
      at: '2026-11-23T04:15:00.000Z',
      actor: { id: 'admin-li', name: 'Li Admin' },
      after: { parent: 'BJ-001' },
    });
    expect(last?.before).toBeDefined();
    expect(last?.before?.parent).toBeUndefined();
    // The seeding is recorded too, as the system's, before the admin's change.
    expect(changes[0]).toMatchObject({ actor: { id: 'system' }, after: { code: 'SH-002' } });
    expect(changes[0]?.before).toBeUndefined();

    clock.set('2026-11-23T05:00:00.000Z');
    await putBranch(admin, 'SH-002', {
      name: 'Branch SH-002',
      parent: 'GZ-003',
      contacts: contacts('SH-002'),
    });
    const again = changesBody.parse(JSON.parse((await readChanges(admin, 'SH-002')).body)).changes.at(-1);
    expect(again).toMatchObject({
      at: '2026-11-23T05:00:00.000Z',
      actor: { id: 'admin-li' },
      before: { parent: 'BJ-001' },
      after: { parent: 'GZ-003' },
    });
  });

  it('refuses the change list to a handler and a branch head, as other admin-only reads', async () => {
    for (const who of [handlerBj, headBj]) {
      const answer = await readChanges(who, 'BJ-001');
      expect(answer.statusCode).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'forbidden' } });
      expect(answer.body).not.toContain('actor');
    }
  });

  it('answers 404 for the changes of a branch that does not exist', async () => {
    const answer = await readChanges(cpo, 'NO-999');
    expect(answer.statusCode).toBe(404);
  });

  it('loses no change record when admins edit one branch at the same time', async () => {
    const before = changesBody.parse(JSON.parse((await readChanges(cpo, 'GZ-003')).body)).changes.length;
    const admins = Array.from({ length: 8 }, (_, n) => ({ ...admin, id: `admin-${n}`, name: `Admin ${n}` }));
    const answers = await Promise.all(
      admins.map((who, n) =>
        putBranch(who, 'GZ-003', { name: `Guangzhou ${n}`, contacts: contacts('GZ-003') }),
      ),
    );
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(200);

    const { changes } = changesBody.parse(JSON.parse((await readChanges(cpo, 'GZ-003')).body));
    const concurrent = changes.slice(before);
    expect(concurrent).toHaveLength(8);
    expect(new Set(concurrent.map((change) => change.actor.id))).toEqual(new Set(admins.map((a) => a.id)));
    // One unbroken chain: each change's "before" is the previous change's "after".
    for (let n = 1; n < changes.length; n += 1) {
      expect(changes[n]?.version).toBe((changes[n - 1]?.version ?? 0) + 1);
      expect(changes[n]?.before).toEqual(changes[n - 1]?.after);
    }
    // And the branch is what the last recorded change says.
    expect(await branches.get('GZ-003')).toEqual(changes.at(-1)?.after);
  });
});
