import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AttributeValue, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { itemAttributes, outboxSortKeyPrefix } from '../../shared/adapters/dynamodb/case-items.js';
import { caseTable } from '../../shared/adapters/dynamodb/case-table.js';
import { acceptedBodySchema, type SubmissionBody, validSubmission } from '../support/intake-fixtures.js';
import {
  type LocalProcess,
  type ProcessEntry,
  startLocalProcess,
  waitUntilGone,
} from '../support/local-process.js';

/**
 * The filed issue: "Seen when the local runtime was killed during a load of 1,000 complaints: 7 to
 * 10 cases stayed registered with no acknowledgement on their ledger and nothing retried them".
 * These tests kill `npm start` the hard way in the middle of a load, start it again on the same
 * data, and check what the customers and the staff see once the system has caught up.
 */

// A Monday, 10:00 in Beijing: nothing about the calendar gets in the way.
const START = '2026-11-23T02:00:00.000Z';
const COMPLAINTS = 240;
/** A steady clip: one complaint every PACE_MS, never more than MAX_IN_FLIGHT unanswered. */
const PACE_MS = 20;
const MAX_IN_FLIGHT = 12;
/** The kill comes once this many complaints were accepted and acknowledgements are going out. */
const KILL_AFTER_ACCEPTED = 100;
const KILL_POINT_TIMEOUT_MS = 240_000;
/** Past the time after which an unregistered complaint is sent to the worker again. */
const PAST_REDRIVE = 'PT10M';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const localEnv = (dataDir: string): Record<string, string> => ({
  PORT: '0',
  REDRESS_DATA_DIR: dataDir,
  REDRESS_CLOCK: 'frozen',
  REDRESS_CLOCK_START: START,
  POWERTOOLS_LOG_LEVEL: 'ERROR',
});

interface Submission {
  index: number;
  key: string;
  body: SubmissionBody;
  email: string;
  subject: string;
  /** `accepted` once a 2xx answer with a reference came back. */
  outcome: 'not sent' | 'in flight' | 'accepted' | 'unanswered';
  reference?: string;
  /** Which runtime gave the answer: the one killed, or the one started after it. */
  answeredBy?: 'killed runtime' | 'restarted runtime';
  problem?: string;
}

const submissions = (runId: string): Submission[] =>
  Array.from({ length: COMPLAINTS }, (_, index) => {
    const email = `caller-${index}@example.com`;
    const subject = `Load ${index}: annual fee charged twice`;
    return {
      index,
      key: `sigkill-${runId}-${index}`,
      body: validSubmission({ customer: { name: `Caller ${index}`, email }, subject }),
      email,
      subject,
      outcome: 'not sent',
    };
  });

/** `POST /api/complaints` as a client that keeps its Idempotency-Key for retries. */
const submit = async (
  url: string,
  submission: Submission,
  answeredBy: Submission['answeredBy'],
): Promise<void> => {
  submission.outcome = 'in flight';
  try {
    const response = await fetch(`${url}/api/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': submission.key },
      body: JSON.stringify(submission.body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    if (response.ok) {
      submission.reference = acceptedBodySchema.parse(JSON.parse(text)).reference;
      submission.outcome = 'accepted';
      submission.answeredBy = answeredBy;
    } else {
      submission.outcome = 'unanswered';
      submission.problem = `${response.status} ${text.slice(0, 200)}`;
    }
  } catch (error) {
    submission.outcome = 'unanswered';
    submission.problem = error instanceof Error ? error.message : 'unknown error';
  }
};

const count = (all: readonly Submission[], outcome: Submission['outcome']) =>
  all.filter((submission) => submission.outcome === outcome).length;

/** Sends the complaints at a steady clip until `stopped()` says so. */
const runLoad = async (url: string, all: Submission[], stopped: () => boolean): Promise<void> => {
  const inFlight = new Set<Promise<void>>();
  for (const submission of all) {
    while (inFlight.size >= MAX_IN_FLIGHT && !stopped()) await Promise.race(inFlight);
    if (stopped()) break;
    const request: Promise<void> = submit(url, submission, 'killed runtime').finally(() =>
      inFlight.delete(request),
    );
    inFlight.add(request);
    await delay(PACE_MS);
  }
  await Promise.all(inFlight);
};

interface Mail {
  id: string;
  to: string[];
  subject: string;
}

const sesStoreSchema = z.object({
  emails: z.array(
    z.object({
      messageId: z.string(),
      destination: z.object({ to: z.array(z.string()) }),
      subject: z.string(),
    }),
  ),
});

/** What the local SES has captured, read from its own store (it does not wait for anything). */
const sesMail = async (sesEndpoint: string): Promise<Mail[]> => {
  const response = await fetch(`${sesEndpoint}/store`, { signal: AbortSignal.timeout(10_000) });
  return sesStoreSchema
    .parse(await response.json())
    .emails.map((email) => ({ id: email.messageId, to: email.destination.to, subject: email.subject }));
};

const capturedMailSchema = z.array(
  z.object({ id: z.string(), to: z.array(z.string()), subject: z.string() }),
);

/** `GET /_local/mail`, as a person checks the mailbox (it lets notices already owed go out first). */
const localMail = async (url: string): Promise<Mail[]> => {
  const response = await fetch(`${url}/_local/mail`, { signal: AbortSignal.timeout(30_000) });
  if (response.status !== 200) throw new Error(`GET /_local/mail answered ${response.status}`);
  return capturedMailSchema.parse(await response.json());
};

const isJava = (entry: ProcessEntry) => /^\S*java\s/.test(entry.args) && entry.args.includes('DynamoDBLocal');

const dynamoDbLocalOf = async (target: LocalProcess): Promise<ProcessEntry> => {
  const java = (await target.tree()).find(isJava);
  if (java === undefined) throw new Error(`no DynamoDB Local process under npm start (pid ${target.pid})`);
  return java;
};

/**
 * Waits for the kill point, then kills the `npm start` process group with SIGKILL. The local mail
 * store lives in memory and dies with the runtime, so just before the kill DynamoDB Local is
 * frozen (SIGSTOP): every handler then hangs on its next read or write, no further mail can go
 * out, and once the mailbox stops changing it holds every mail sent before the kill. DynamoDB
 * Local runs in a process group of its own; resumed after the kill, it finds the runtime gone and
 * shuts down as it would had it never been frozen.
 */
const killMidLoad = async (target: LocalProcess, all: readonly Submission[], loadDone: () => boolean) => {
  const began = Date.now();
  for (;;) {
    const mails = (await sesMail(target.ses)).length;
    const accepted = count(all, 'accepted');
    // Far enough into the load, with acknowledgements going out and more of them still owed.
    if (accepted >= KILL_AFTER_ACCEPTED && mails > 0 && mails < accepted) break;
    if (loadDone() || Date.now() - began > KILL_POINT_TIMEOUT_MS) {
      throw new Error(
        `the kill point never came: ${accepted} accepted (waiting for ${KILL_AFTER_ACCEPTED}), ${mails} mails captured, ${count(all, 'in flight')} in flight`,
      );
    }
    await delay(200);
  }
  const java = await dynamoDbLocalOf(target);
  const tree = await target.tree();
  process.kill(java.pid, 'SIGSTOP');
  try {
    let mail = await sesMail(target.ses);
    let unchanged = 0;
    const quietDeadline = Date.now() + 15_000;
    while (unchanged < 3) {
      await delay(100);
      const again = await sesMail(target.ses);
      unchanged = again.length === mail.length ? unchanged + 1 : 0;
      mail = again;
      if (Date.now() > quietDeadline) throw new Error('mail kept going out with DynamoDB Local frozen');
    }
    const at = { accepted: count(all, 'accepted'), inFlight: count(all, 'in flight'), mails: mail.length };
    return { mail, tree, at };
  } finally {
    target.signalGroup('SIGKILL');
    try {
      process.kill(java.pid, 'SIGCONT');
    } catch {
      // Already gone.
    }
  }
};

const tokenFor = async (url: string, user: string): Promise<string> => {
  const response = await fetch(`${url}/_local/token?user=${user}`);
  return z.object({ token: z.string() }).parse(await response.json()).token;
};

const caseSummarySchema = z.object({
  reference: z.string(),
  status: z.string(),
  subject: z.string(),
  acknowledgedAt: z.string().optional(),
});
type CaseSummary = z.infer<typeof caseSummarySchema>;

/** Every case, as the staff console lists them (GET /api/cases, page by page). */
const listCases = async (url: string, token: string): Promise<CaseSummary[]> => {
  const cases: CaseSummary[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: '100', ...(cursor === undefined ? {} : { cursor }) });
    const response = await fetch(`${url}/api/cases?${query}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(30_000),
    });
    if (response.status !== 200) throw new Error(`GET /api/cases answered ${response.status}`);
    const page = z
      .object({ cases: z.array(caseSummarySchema), cursor: z.string().optional() })
      .parse(await response.json());
    cases.push(...page.cases);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return cases;
};

const timelineSchema = z.object({
  case: z.object({ reference: z.string(), status: z.string(), acknowledgedAt: z.string().optional() }),
  timeline: z.array(z.object({ kind: z.string(), data: z.record(z.string(), z.unknown()).optional() })),
});

const caseStatus = async (url: string, token: string, reference: string): Promise<number> => {
  const response = await fetch(`${url}/api/cases/${encodeURIComponent(reference)}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(30_000),
  });
  await response.body?.cancel();
  return response.status;
};

/** GET /api/cases/{reference}: the case and its ledger. */
const caseLedger = async (url: string, token: string, reference: string) => {
  const response = await fetch(`${url}/api/cases/${encodeURIComponent(reference)}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(30_000),
  });
  if (response.status !== 200) throw new Error(`GET /api/cases/${reference} answered ${response.status}`);
  return timelineSchema.parse(await response.json());
};

/** Outbox records not yet done: effects owed by a committed change that never happened. */
const undoneEffects = async (target: LocalProcess): Promise<string[]> => {
  const client = new DynamoDBClient({
    endpoint: target.dynamoDb,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const undone: string[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: target.tableName,
          FilterExpression: 'begins_with(#sk, :outbox) AND attribute_not_exists(#o.#done)',
          ExpressionAttributeNames: {
            '#sk': caseTable.sortKey,
            '#o': itemAttributes.outbox,
            '#done': 'doneAt',
          },
          ExpressionAttributeValues: { ':outbox': { S: outboxSortKeyPrefix } },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        undone.push(`${item[caseTable.partitionKey]?.S ?? '?'} ${item[caseTable.sortKey]?.S ?? '?'}`);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return undone;
  } finally {
    client.destroy();
  }
};

const deadLetteredIntake = async (target: LocalProcess): Promise<number> => {
  const client = new SQSClient({
    endpoint: new URL(target.intakeQueueUrl).origin,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const { Attributes } = await client.send(
      new GetQueueAttributesCommand({
        QueueUrl: `${target.intakeQueueUrl}-dlq`,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return (
      Number(Attributes?.ApproximateNumberOfMessages ?? 'NaN') +
      Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 'NaN')
    );
  } finally {
    client.destroy();
  }
};

/**
 * Polls `missing` (which lists what is not there yet) until it lists nothing; fails after
 * `timeoutMs` with `what` and the list.
 */
const waitUntilNothingMissing = async (
  what: string,
  timeoutMs: number,
  missing: () => Promise<string[]>,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = await missing();
    if (left.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`${what} within ${timeoutMs / 1000} s (${left.length} left):\n  ${left.join('\n  ')}`);
    }
    await delay(500);
  }
};

/** `task` for every item, a few at a time, results in order. */
const mapFew = async <T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) {
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return results;
};

/** References (with the submission they answer) that `GET /api/cases/{reference}` does not find. */
const notOnRecord = async (url: string, token: string, answered: readonly Submission[]) =>
  (
    await mapFew(answered, async (submission) => {
      const status = await caseStatus(url, token, submission.reference ?? '');
      return status === 200 ? [] : [`#${submission.index} ${submission.reference}: GET answered ${status}`];
    })
  ).flat();

/** Prints how far the test got and when, so a slow or failed run shows where the time went. */
const progress = () => {
  const began = Date.now();
  return (message: string) => console.info(`[${((Date.now() - began) / 1000).toFixed(1)} s] ${message}`);
};

/** What the stream poller prints when an outbox record goes to its failure destination. */
const EFFECT_DEAD_LETTER = 'failed after every retry';

const started: LocalProcess[] = [];
const dataDirs: string[] = [];

const start = async (dataDir: string): Promise<LocalProcess> => {
  const target = await startLocalProcess({ env: localEnv(dataDir) });
  started.push(target);
  return target;
};

const newDataDir = (): string => {
  const dataDir = mkdtempSync(join(tmpdir(), 'redress-sigkill-'));
  dataDirs.push(dataDir);
  return dataDir;
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

describe('npm start killed with SIGKILL in the middle of a load', () => {
  it('loses no accepted complaint, registers each once and acknowledges each exactly once after a restart', async () => {
    const note = progress();
    const dataDir = newDataDir();
    const first = await start(dataDir);
    note(`npm start ready at ${first.url}`);
    const all = submissions(randomUUID().slice(0, 8));

    let killed = false;
    let loadDone = false;
    const load = runLoad(first.url, all, () => killed).finally(() => {
      loadDone = true;
    });
    const kill = await killMidLoad(first, all, () => loadDone).finally(() => {
      killed = true;
    });
    await load;
    note(
      `SIGKILL: ${kill.at.accepted} accepted, ${kill.at.inFlight} in flight, ${kill.at.mails} acknowledgements out`,
    );

    // The kill landed mid-load: answers were still owed and so were acknowledgements.
    expect(kill.at.inFlight, 'complaints in flight at the kill').toBeGreaterThan(0);
    expect(kill.at.mails, 'acknowledgements sent before the kill').toBeLessThan(kill.at.accepted);

    // Nothing it started outlives it: not npm, not the runtime, not DynamoDB Local.
    await first.waitForExit(15_000);
    await waitUntilGone(kill.tree, 15_000);
    note(`${count(all, 'accepted')} complaints were answered 202 before the runtime died`);

    const second = await start(dataDir);
    note('npm start ready again on the same data');
    const token = await tokenFor(second.url, 'cpo');

    // Whatever was answered 202 before the kill is on record: the staff see every one of them.
    const acceptedBeforeKill = all.filter((submission) => submission.outcome === 'accepted');
    expect(
      await notOnRecord(second.url, token, acceptedBeforeKill),
      'complaints answered 202 before the kill that have no case after the restart',
    ).toEqual([]);

    // The clients whose requests got no answer send them again with the same Idempotency-Key.
    const unanswered = all.filter((submission) => submission.outcome === 'unanswered');
    for (const submission of unanswered) await submit(second.url, submission, 'restarted runtime');
    expect(
      unanswered
        .filter((submission) => submission.outcome !== 'accepted')
        .map((s) => `${s.index}: ${s.problem}`),
      'retried complaints that were not accepted',
    ).toEqual([]);
    expect(
      await notOnRecord(second.url, token, unanswered),
      'complaints answered 202 on their retry that have no case',
    ).toEqual([]);
    const sent = all.filter((submission) => submission.outcome !== 'not sent');

    const atRestart = await listCases(second.url, token);
    note(
      `${unanswered.length} unanswered complaints sent again; ${atRestart.filter((c) => c.status === 'received').length} cases only received, ${atRestart.filter((c) => c.status !== 'received' && c.acknowledgedAt === undefined).length} registered without acknowledgement`,
    );
    const gaveUp = () => {
      if (second.stderr().includes(EFFECT_DEAD_LETTER)) {
        throw new Error(`the effects processor gave up on an outbox record:\n${second.stderr()}`);
      }
    };

    // What the outbox owes is done after the restart: every registered case gets its acknowledgement.
    await waitUntilNothingMissing('after the restart the outbox did not catch up', 180_000, async () => {
      gaveUp();
      const cases = await listCases(second.url, token);
      return [
        ...cases
          .filter((c) => c.status !== 'received' && c.acknowledgedAt === undefined)
          .map((c) => `${c.reference}: registered, no acknowledgement`),
        ...(await undoneEffects(second)).map((item) => `${item}: outbox record not done`),
      ];
    });

    note('every registered case acknowledged, no outbox record left');

    // A person moves the virtual clock past the re-drive time, so that anything stored but never
    // registered is sent to the worker again; the move answers 200 once the work has settled, or
    // 202 while it is still running.
    const moved = await fetch(`${second.url}/_local/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance: PAST_REDRIVE }),
      signal: AbortSignal.timeout(180_000),
    });
    const movedText = await moved.text();
    expect([200, 202], movedText).toContain(moved.status);
    note(`clock moved ${PAST_REDRIVE}: ${moved.status}`);

    // Every complaint sent is registered and acknowledged, and nothing owed is left undone.
    let cases: CaseSummary[] = [];
    await waitUntilNothingMissing(
      'not every complaint sent was registered and acknowledged',
      120_000,
      async () => {
        gaveUp();
        cases = await listCases(second.url, token);
        const subjects = new Set(cases.map((c) => c.subject));
        return [
          ...sent
            .filter((submission) => !subjects.has(submission.subject))
            .map(
              (submission) =>
                `#${submission.index} (${submission.reference ?? 'no answer'} from the ${submission.answeredBy ?? '?'}): no case`,
            ),
          ...cases.filter((c) => c.status === 'received').map((c) => `${c.reference}: only received`),
          ...cases
            .filter((c) => c.status !== 'received' && c.acknowledgedAt === undefined)
            .map((c) => `${c.reference}: registered, no acknowledgement`),
          ...(await undoneEffects(second)).map((item) => `${item}: outbox record not done`),
        ];
      },
    );

    note(
      `recovered: ${cases.length} cases for ${sent.length} complaints sent, ${cases.filter((c) => c.status !== 'received').length} registered, ${cases.filter((c) => c.acknowledgedAt !== undefined).length} acknowledged`,
    );
    // One case per complaint sent, and each accepted one under the reference its client was given.
    const casesBySubject = new Map<string, CaseSummary[]>();
    for (const c of cases) casesBySubject.set(c.subject, [...(casesBySubject.get(c.subject) ?? []), c]);
    const duplicated = [...casesBySubject].filter(([, group]) => group.length > 1);
    expect(duplicated.map(([subject, group]) => `${subject}: ${group.map((c) => c.reference)}`)).toEqual([]);
    expect(cases).toHaveLength(sent.length);
    const wrongReference = sent.filter(
      (submission) => casesBySubject.get(submission.subject)?.[0]?.reference !== submission.reference,
    );
    expect(wrongReference.map((s) => `#${s.index}: answered ${s.reference}`)).toEqual([]);

    // The ledger of each case: registered once, acknowledged once, no second acknowledgement.
    const mailAfter = await localMail(second.url);
    const mailById = new Map([...kill.mail, ...mailAfter].map((mail) => [mail.id, mail]));
    const ledgers = await mapFew(sent, (submission) =>
      caseLedger(second.url, token, submission.reference ?? ''),
    );
    const ledgerProblems: string[] = [];
    const mailProblems: string[] = [];
    // SES takes no idempotency key, so a kill after it accepted a mail and before the send was
    // recorded repeats that one mail (at least once, never none). The processor sends one mail at
    // a time, so one kill can repeat at most one acknowledgement; it is reported, not hidden.
    const repeatedAtKill: string[] = [];
    for (const [index, submission] of sent.entries()) {
      const reference = submission.reference ?? '';
      const timeline = ledgers[index]?.timeline ?? [];
      const kinds = timeline.map((event) => event.kind);
      const registered = kinds.filter((kind) => kind === 'case.registered').length;
      const acknowledged = timeline.filter((event) => event.kind === 'case.acknowledged');
      const ackNotices = timeline.filter(
        (event) => event.kind === 'case.notice_sent' && event.data?.notice === 'acknowledgement',
      );
      if (registered !== 1 || acknowledged.length !== 1 || ackNotices.length !== 0) {
        ledgerProblems.push(
          `${reference}: ${registered} registered, ${acknowledged.length} acknowledged, ${ackNotices.length} more acknowledgements sent`,
        );
      }
      // What the customer got: one acknowledgement, naming their case; the one the ledger records.
      const toCustomer = [...mailById.values()].filter((mail) => mail.to.includes(submission.email));
      const recorded = acknowledged[0]?.data?.messageId;
      const naming = toCustomer.filter((mail) => mail.subject.includes(`[${reference}]`));
      const recordedSent = toCustomer.some((mail) => mail.id === recorded);
      if (toCustomer.length === 2 && naming.length === 2 && recordedSent) {
        repeatedAtKill.push(`${reference}: ${toCustomer.map((m) => m.id).join(', ')}`);
      } else if (toCustomer.length !== 1 || naming.length !== 1 || !recordedSent) {
        mailProblems.push(
          `${submission.email} (${reference}): ${toCustomer.length} mails [${toCustomer.map((m) => `${m.id} "${m.subject}"`).join('; ')}], ledger names ${String(recorded)}`,
        );
      }
    }
    expect(ledgerProblems, 'cases whose ledger is wrong').toEqual([]);
    expect(mailProblems, 'customers who did not get exactly one acknowledgement').toEqual([]);
    if (repeatedAtKill.length > 0) console.info(`acknowledgement repeated by the kill: ${repeatedAtKill}`);
    expect(repeatedAtKill.length, `repeated by the kill: ${repeatedAtKill}`).toBeLessThanOrEqual(1);

    // Nothing was given up on: no effect dead-lettered, no intake message dead-lettered.
    for (const run of [first, second]) {
      expect(run.stderr(), 'the effects processor gave up on an outbox record').not.toContain(
        EFFECT_DEAD_LETTER,
      );
    }
    expect(await deadLetteredIntake(second), 'intake messages dead-lettered').toBe(0);

    note(
      `ledgers checked; acknowledgement mails: ${kill.mail.length} before the kill, ${mailAfter.length} after the restart`,
    );
  }, 900_000);

  it('takes DynamoDB Local with it when only the runtime process is killed, and starts again on its data', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir);
    const [submission] = submissions(randomUUID().slice(0, 8));
    if (submission === undefined) throw new Error('no complaint to send');
    await submit(first.url, submission, 'killed runtime');
    expect(submission.outcome, submission.problem).toBe('accepted');

    // The runtime is the process DynamoDB Local was started by; kill it alone, as the OOM killer would.
    const tree = await first.tree();
    const java = await dynamoDbLocalOf(first);
    process.kill(java.ppid, 'SIGKILL');
    await first.waitForExit(15_000);
    await waitUntilGone(tree, 15_000);

    const second = await start(dataDir);
    const { case: stored } = await caseLedger(
      second.url,
      await tokenFor(second.url, 'cpo'),
      submission.reference ?? '',
    );
    expect(stored.reference).toBe(submission.reference);
  }, 600_000);
});
