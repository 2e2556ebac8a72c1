/**
 * SLA workflow measurement: state transitions for two typical lifecycles, run on the local
 * runtime with the synthesized state machine, and the cost per 10,000 complaints at published
 * prices (us-east-1, November 2026 price pages; change the constants for another region).
 *
 *   npm run bench:sla
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { loadLocalConfig } from '../../infra/local/local-config.js';
import { startLocalRuntime } from '../../infra/local/local-runtime.js';

const PRICE = {
  transitionsPer1000: 0.025, // Step Functions Standard
  lambdaRequestsPerMillion: 0.2,
  lambdaGbSecondArm: 0.0000133334,
  sesPer1000: 0.1,
};
// Assumed per invocation: 512 MB for 250 ms (DynamoDB and SES round trips dominate).
const LAMBDA_GB_SECONDS = 0.5 * 0.25;

const dataDir = mkdtempSync(join(tmpdir(), 'redress-sla-cost-'));
const runtime = await startLocalRuntime(
  loadLocalConfig({
    PORT: '0',
    REDRESS_DATA_DIR: dataDir,
    REDRESS_CLOCK: 'frozen',
    REDRESS_CLOCK_START: '2026-11-23T01:00:00Z',
  }),
);
const mailCount = async () =>
  z.array(z.unknown()).parse(await (await fetch(`${runtime.url}/_local/mail`)).json()).length;
const advance = (duration: string) =>
  fetch(`${runtime.url}/_local/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advance: duration }),
  });
const submit = async (branchCode: string): Promise<string> => {
  const response = await fetch(`${runtime.url}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      customer: { name: 'Bench', email: `bench.${branchCode.toLowerCase()}@example.com` },
      anonymous: false,
      branchCode,
      subject: 'Benchmark complaint',
      description: 'Measuring the SLA workflow.',
      language: 'zh-CN',
      consent: true,
    }),
  });
  const reference = z.object({ reference: z.string() }).parse(await response.json()).reference;
  await runtime.settle();
  return reference;
};

const report = (label: string, transitions: number, invocations: number, mails: number) => {
  const per10k = {
    stepFunctions: (transitions * 10_000 * PRICE.transitionsPer1000) / 1000,
    lambda:
      (invocations * 10_000 * PRICE.lambdaRequestsPerMillion) / 1_000_000 +
      invocations * 10_000 * LAMBDA_GB_SECONDS * PRICE.lambdaGbSecondArm,
    ses: (mails * 10_000 * PRICE.sesPer1000) / 1000,
  };
  const total = per10k.stepFunctions + per10k.lambda + per10k.ses;
  process.stdout.write(
    `${label}: ${transitions} state transitions, ${invocations} Lambda invocations, ${mails} e-mails per case; ` +
      `per 10,000 complaints: Step Functions $${per10k.stepFunctions.toFixed(2)}, Lambda $${per10k.lambda.toFixed(2)}, ` +
      `SES $${per10k.ses.toFixed(2)}, total $${total.toFixed(2)}\n`,
  );
};

try {
  // 1. Acknowledged at once, one reminder, decided in time.
  const before = await mailCount();
  const typical = await submit('BJ-001');
  await advance('P13D');
  await runtime.caseAction(typical, { type: 'start_work' }, { id: 'handler', kind: 'staff' });
  await runtime.caseAction(
    typical,
    { type: 'resolve', decision: 'upheld', atFault: 'yes', letter: '已退还。' },
    { id: 'handler', kind: 'staff' },
  );
  await advance('P5D');
  const typicalTransitions = runtime.slaTransitions()[`${typical}-g1`] ?? 0;
  const typicalSteps = (typicalTransitions - 1) / 3;
  // submit + worker (a tenth of a batch of ten) + one per SLA wake
  report(
    'typical (ack, reminder, decided in time)',
    typicalTransitions,
    1 + 0.1 + typicalSteps,
    (await mailCount()) - before,
  );

  // 2. Never answered: breach, then every rung of the ladder.
  const beforeBreach = await mailCount();
  const breached = await submit('SH-002');
  await advance('P30D');
  const breachedTransitions = runtime.slaTransitions()[`${breached}-g1`] ?? 0;
  const breachedSteps = (breachedTransitions - 1) / 3;
  report(
    'breached through the whole ladder',
    breachedTransitions,
    1 + 0.1 + breachedSteps,
    (await mailCount()) - beforeBreach,
  );
} finally {
  await runtime.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
