import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLocalConfig } from '../../infra/local/local-config.js';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/local-runtime.js';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import { newCaseWithEvents } from '../support/case-factory.js';

const dataDir = mkdtempSync(join(tmpdir(), 'redress-runtime-'));
const config = loadLocalConfig({ PORT: '0', REDRESS_DATA_DIR: dataDir, REDRESS_CLOCK: 'frozen' });
let running: LocalRuntime | undefined;

afterAll(async () => {
  await running?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const storeFor = (runtime: LocalRuntime) =>
  new DynamoDbCaseStore({
    client: runtime.dynamoDb.client,
    tableName: runtime.config.tableName,
    nextDueAt: () => undefined,
  });

describe('local runtime', () => {
  // Two full starts of the local system; generous on a loaded two-core machine.
  it('serves /health, keeps cases and the clock across a restart, and binds only to loopback', {
    timeout: 90_000,
  }, async () => {
    running = await startLocalRuntime(config);
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.dynamoDb.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect(running.ses.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:/);

    const health = await fetch(`${running.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });

    const { complaint, events } = newCaseWithEvents({ reference: 'RD-20261123-RESTRT' });
    await storeFor(running).create(complaint, events);
    await running.clock.advance(3 * 24 * 3600 * 1000);
    const movedTo = running.clock.now().toISOString();
    await running.stop();
    running = undefined;

    running = await startLocalRuntime(config);
    const again = await storeFor(running).get('RD-20261123-RESTRT');
    expect(again?.subject).toBe(complaint.subject);
    expect(running.clock.now().toISOString()).toBe(movedTo);
  });

  it('answers unknown paths with a JSON 404 and wrong methods with 405', async () => {
    running ??= await startLocalRuntime(config);
    const missing = await fetch(`${running.url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
    const wrongMethod = await fetch(`${running.url}/health`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
  });
});
