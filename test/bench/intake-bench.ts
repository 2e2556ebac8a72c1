/**
 * Intake benchmark: N complaints at concurrency C through the local server.
 * Prints POST p50/p99, end-to-end p50/p99 (POST -> acknowledgement captured), throughput,
 * and as the floor the p50/p99 of a bare PutItem against the same DynamoDB Local.
 *
 *   npm run bench:intake -- --n 2000 --c 32 [--pollers 1]     a burst: as fast as C clients can
 *   npm run bench:intake -- --n 300 --rate 5                   a steady 5 complaints per second
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { loadLocalConfig } from '../../infra/local/local-config.js';
import { startLocalRuntime } from '../../infra/local/local-runtime.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '2000' },
    c: { type: 'string', default: '32' },
    pollers: { type: 'string', default: '1' },
    rate: { type: 'string' },
  },
});
const rate = values.rate === undefined ? undefined : z.coerce.number().positive().parse(values.rate);
const total = z.coerce.number().int().min(1).parse(values.n);
const concurrency = z.coerce.number().int().min(1).parse(values.c);

const percentile = (samples: number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

const runPool = async (count: number, workers: number, task: (index: number) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < count) {
        const index = next;
        next += 1;
        await task(index);
      }
    }),
  );
};

// aws-ses-v2-local runs in this process; reading its store directly lets the benchmark see each
// acknowledgement the moment it is captured without fetching the whole mailbox over HTTP.
const sesStore: unknown = createRequire(import.meta.url)('aws-ses-v2-local/dist/store');
const storeShape = z.object({ getStoreReadonly: z.function() });
const emailsShape = z.object({ emails: z.array(z.object({ subject: z.string() })) });
const capturedSubjects = (): string[] => {
  const store = storeShape.parse(sesStore);
  return emailsShape.parse(store.getStoreReadonly()).emails.map((email) => email.subject);
};

const dataDir = mkdtempSync(join(tmpdir(), 'redress-bench-'));
const runtime = await startLocalRuntime(
  loadLocalConfig({
    PORT: '0',
    REDRESS_DATA_DIR: dataDir,
    REDRESS_CLOCK: 'frozen',
    QUEUE_POLLERS: z.coerce.number().int().min(1).parse(values.pollers).toString(),
  }),
);

try {
  // Floor: a bare PutItem of a similar-sized item against the same DynamoDB Local.
  const floor: number[] = [];
  const padding = 'x'.repeat(1500);
  await runPool(total, concurrency, async (index) => {
    const started = performance.now();
    await runtime.dynamoDb.client.send(
      new PutItemCommand({
        TableName: runtime.config.tableName,
        Item: { pk: { S: `BENCH#${index}` }, sk: { S: 'FLOOR' }, padding: { S: padding } },
      }),
    );
    floor.push(performance.now() - started);
  });

  const postLatency: number[] = [];
  const startedAt = new Map<string, number>();
  const endToEnd = new Map<string, number>();
  const references: string[] = [];
  let seen = 0;
  const scanCaptured = () => {
    const subjects = capturedSubjects();
    for (; seen < subjects.length; seen += 1) {
      const reference = /\[(RD-\d{8}-[2-9A-Z]{6})\]/.exec(subjects[seen] ?? '')?.[1];
      const start = reference === undefined ? undefined : startedAt.get(reference);
      if (reference !== undefined && start !== undefined && !endToEnd.has(reference)) {
        endToEnd.set(reference, performance.now() - start);
      }
    }
  };
  const watcher = setInterval(scanCaptured, 2);

  const accepted = z.object({ reference: z.string() });
  const runStarted = performance.now();
  await runPool(total, concurrency, async (index) => {
    // At a steady rate each complaint is sent at its own moment, not as soon as a client is free.
    const due = rate === undefined ? 0 : runStarted + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const started = performance.now();
    const response = await fetch(`${runtime.url}/api/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `bench-key-${index}` },
      body: JSON.stringify({
        customer: { name: `Bench Customer ${index}`, email: `bench.${index}@example.com` },
        anonymous: false,
        branchCode: ['BJ-001', 'SH-002', 'GZ-003'][index % 3],
        subject: `Benchmark complaint ${index}`,
        description: '银行卡年费被重复扣收，请核实并退还。The annual card fee was charged twice.',
        language: index % 2 === 0 ? 'zh-CN' : 'en',
        consent: true,
      }),
    });
    const elapsed = performance.now() - started;
    if (response.status !== 202) throw new Error(`POST ${index} answered ${response.status}`);
    const { reference } = accepted.parse(await response.json());
    startedAt.set(reference, started);
    references.push(reference);
    postLatency.push(elapsed);
  });
  const postsDone = performance.now();
  await runtime.settle(600_000);
  const settled = performance.now();
  clearInterval(watcher);
  // One last look so nothing captured after the final tick is missed.
  scanCaptured();
  const finalSubjects = capturedSubjects();
  const endToEndLatency = [...endToEnd.values()];

  // Lost / duplicated: every reference registered once and acknowledged exactly once.
  const mailsPerReference = new Map<string, number>();
  for (const subject of finalSubjects) {
    const reference = /\[(RD-\d{8}-[2-9A-Z]{6})\]/.exec(subject)?.[1];
    if (reference !== undefined)
      mailsPerReference.set(reference, (mailsPerReference.get(reference) ?? 0) + 1);
  }
  let notRegistered = 0;
  for (const reference of references) {
    const stored = await runtime.store.get(reference);
    if (stored === undefined || stored.status === 'received' || stored.acknowledgedAt === undefined)
      notRegistered += 1;
  }
  const lost = references.filter((reference) => !mailsPerReference.has(reference)).length;
  const duplicated = [...mailsPerReference.values()].filter((count) => count > 1).length;
  const uniqueReferences = new Set(references).size;

  process.stdout.write(
    [
      `intake benchmark: ${total} complaints, ${rate === undefined ? `burst at concurrency ${concurrency}` : `steady ${rate}/s`}, ${runtime.config.queuePollers} queue pollers`,
      `  floor PutItem      p50 ${ms(percentile(floor, 50))}  p99 ${ms(percentile(floor, 99))}`,
      `  POST /api/complaints p50 ${ms(percentile(postLatency, 50))}  p99 ${ms(percentile(postLatency, 99))}  (${(percentile(postLatency, 50) / percentile(floor, 50)).toFixed(2)}x floor p50)`,
      `  end-to-end to ack  p50 ${ms(percentile(endToEndLatency, 50))}  p99 ${ms(percentile(endToEndLatency, 99))}`,
      `  throughput         ${((total / (postsDone - runStarted)) * 1000).toFixed(0)} POST/s accepted; ${((total / (settled - runStarted)) * 1000).toFixed(0)} complaints/s registered and acknowledged`,
      `  lost ${lost}, duplicated acknowledgements ${duplicated}, not registered ${notRegistered}, distinct references ${uniqueReferences}/${total}`,
      '',
    ].join('\n'),
  );
  if (lost > 0 || duplicated > 0 || notRegistered > 0 || uniqueReferences !== total) process.exitCode = 1;
} finally {
  await runtime.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
