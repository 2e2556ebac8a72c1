import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptedBodySchema, validSubmission } from '../support/intake-fixtures.js';
import { caseLedger, dynamoDbLocalOf, tokenFor } from '../support/local-observer.js';
import { type LocalProcess, startLocalProcess, waitUntilGone } from '../support/local-process.js';

/**
 * `npm start` killed the hard way. The load with kills is the soak (test/integration/soak.test.ts);
 * this is the process side: what a kill leaves behind and whether the next start opens its data.
 */

const started: LocalProcess[] = [];
const dataDirs: string[] = [];

const start = async (dataDir: string): Promise<LocalProcess> => {
  const target = await startLocalProcess({
    env: { PORT: '0', REDRESS_DATA_DIR: dataDir, REDRESS_CLOCK: 'frozen', POWERTOOLS_LOG_LEVEL: 'ERROR' },
  });
  started.push(target);
  return target;
};

afterEach(async ({ task }) => {
  for (const target of started.splice(0)) {
    // A failed run shows what each `npm start` printed: a crash or a stack trace is often the story.
    if (task.result?.state === 'fail') {
      console.info(`--- npm start (pid ${target.pid}), last output ---\n${target.output().slice(-6000)}`);
    }
    await target.stop();
  }
  for (const dataDir of dataDirs.splice(0)) rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start killed with SIGKILL', () => {
  it('takes DynamoDB Local with it when only the runtime process is killed, and starts again on its data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'redress-sigkill-'));
    dataDirs.push(dataDir);
    const first = await start(dataDir);
    const response = await fetch(`${first.url}/api/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'sigkill-one-complaint' },
      body: JSON.stringify(validSubmission({ subject: 'Annual fee charged twice (kill test)' })),
    });
    expect(response.status).toBe(202);
    const { reference } = acceptedBodySchema.parse(await response.json());

    // The runtime is the process DynamoDB Local was started by; kill it alone, as the OOM killer would.
    const tree = await first.tree();
    const java = await dynamoDbLocalOf(first);
    process.kill(java.ppid, 'SIGKILL');
    await first.waitForExit(15_000);
    await waitUntilGone(tree, 15_000);

    const second = await start(dataDir);
    const ledger = await caseLedger(second.url, await tokenFor(second.url, 'cpo'), reference);
    expect(typeof ledger === 'number' ? ledger : ledger.case.reference).toBe(reference);
  }, 600_000);
});
