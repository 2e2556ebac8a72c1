import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { acceptedBodySchema } from '../support/intake-fixtures.js';
import {
  type CaseSummary,
  caseLedger,
  deadLetteredIntake,
  delay,
  EFFECT_DEAD_LETTER,
  freezeAndKill,
  listCases,
  localMail,
  type Mail,
  mapFew,
  tokenFor,
  undoneEffects,
  waitUntilNothingMissing,
} from '../support/local-observer.js';
import { type LocalProcess, startLocalProcess, waitUntilGone } from '../support/local-process.js';
import {
  type ApiComplaint,
  type MailComplaint,
  type MailReply,
  planSoak,
  replySubject,
  type SoakTask,
} from './soak-plan.js';

/**
 * The soak: complaints through the API and the mailbox while `npm start` is killed with SIGKILL
 * and started again on the same data, then what every customer and the staff see once it has
 * caught up. It reports counts, recovery times and every problem; it does not stop at the first.
 */

export interface SoakOptions {
  complaints: number;
  kills: number;
  concurrency: number;
  log: (line: string) => void;
}

export interface KillReport {
  /** Tasks finished when the kill came, and how many were in flight. */
  done: number;
  inFlight: number;
  acknowledgementsOut: number;
  /** From the kill to the restarted runtime's banner, and to its first accepted complaint. */
  readySeconds: number;
  firstAcceptedSeconds?: number;
}

export interface SoakReport {
  sent: { complaints: number; repeats: number; mails: number; replies: number };
  answered: { complaints: number; repeats: number; mails: number; replies: number };
  cases: { total: number; registered: number; acknowledged: number; threadedReplies: number };
  acknowledgementMails: number;
  kills: KillReport[];
  seconds: { load: number; catchUp: number; total: number };
  /** Anything a customer or the staff would see wrong. Empty when the soak passed. */
  problems: string[];
  /** Acknowledgements SES accepted just before a kill and sent again after it (at most one a kill). */
  repeatedAtKill: string[];
  /**
   * Complaints answered 202 by a runtime that was then killed, with no case afterwards: what DynamoDB
   * Local can lose when it dies within a moment of acknowledging a write. Real DynamoDB cannot.
   */
  lostByStandIn: string[];
}

/** Past the time after which an unregistered complaint is sent to the worker again. */
const PAST_REDRIVE = 'PT10M';
// A Monday, 10:00 in Beijing: nothing about the calendar gets in the way.
const START = '2026-11-23T02:00:00.000Z';

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** The runtime the clients talk to; during a restart they wait for the next one. */
class Runtimes {
  readonly all: LocalProcess[] = [];
  private waiting: Array<() => void> = [];
  current: LocalProcess | undefined;

  set(next: LocalProcess | undefined) {
    this.current = next;
    if (next === undefined) return;
    this.all.push(next);
    for (const wake of this.waiting.splice(0)) wake();
  }

  async ready(): Promise<{ target: LocalProcess; generation: number }> {
    while (this.current === undefined) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return { target: this.current, generation: this.all.length - 1 };
  }
}

type Outcome = 'done' | 'retry';

const submitOnce = async (
  target: LocalProcess,
  complaint: ApiComplaint,
  report: (problem: string) => void,
): Promise<Outcome | string> => {
  try {
    const response = await fetch(`${target.url}/api/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': complaint.key },
      body: JSON.stringify(complaint.body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    if (response.status >= 500) return 'retry';
    if (!response.ok) {
      report(`#${complaint.index}: ${response.status} ${text.slice(0, 200)}`);
      return 'done';
    }
    return acceptedBodySchema.parse(JSON.parse(text)).reference;
  } catch {
    // Connection refused, reset or hung up: the runtime died under the request.
    return 'retry';
  }
};

const sendMailOnce = async (
  target: LocalProcess,
  mail: { messageId: string; from: string; subject: string; text: string },
): Promise<Outcome> => {
  const transport = nodemailer.createTransport({
    host: target.smtp.host,
    port: target.smtp.port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 30_000,
    socketTimeout: 60_000,
  });
  try {
    // The same Message-ID on every try: the gateway keys duplicates by it and the sender.
    await transport.sendMail({
      from: mail.from,
      to: 'complaints@bank.example',
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
    });
    return 'done';
  } catch {
    return 'retry';
  } finally {
    transport.close();
  }
};

export const runSoak = async (options: SoakOptions): Promise<SoakReport> => {
  const began = Date.now();
  const { log } = options;
  const runId = Math.random().toString(36).slice(2, 8);
  const plan = planSoak(options.complaints, runId);
  const dataDir = mkdtempSync(join(tmpdir(), 'redress-soak-'));
  const env = {
    PORT: '0',
    REDRESS_DATA_DIR: dataDir,
    REDRESS_CLOCK: 'frozen',
    REDRESS_CLOCK_START: START,
    POWERTOOLS_LOG_LEVEL: 'ERROR',
  };
  const problems: string[] = [];
  const runtimes = new Runtimes();
  const mailBeforeKills: Mail[] = [];
  const kills: KillReport[] = [];
  const killedAt: number[] = [];
  let done = 0;
  let inFlight = 0;
  try {
    runtimes.set(await startLocalProcess({ env }));
    log(
      `npm start ready; sending ${plan.complaints.length} complaints and ${plan.mails.length + plan.replies.length} mails, ${options.concurrency} at a time`,
    );

    const noteAccepted = (generation: number) => {
      const kill = kills[generation - 1];
      const at = killedAt[generation - 1];
      if (kill !== undefined && at !== undefined && kill.firstAcceptedSeconds === undefined) {
        kill.firstAcceptedSeconds = seconds(Date.now() - at);
      }
    };

    /** Tries a task until it is done, against whichever runtime is up. */
    const perform = async (task: SoakTask): Promise<void> => {
      const retryDeadline = Date.now() + 600_000;
      for (;;) {
        const { target, generation } = await runtimes.ready();
        let outcome: Outcome;
        if (task.kind === 'submit') {
          const { complaint } = task;
          const answer = await submitOnce(target, complaint, (problem) => {
            complaint.problem = problem;
          });
          if (answer !== 'done' && answer !== 'retry') {
            complaint.answers.push(answer);
            complaint.answeredBy ??= generation;
            noteAccepted(generation);
            outcome = 'done';
          } else {
            outcome = answer;
          }
        } else if (task.kind === 'mail') {
          outcome = await sendMailOnce(target, task.mail);
          if (outcome === 'done') task.mail.delivered = true;
        } else {
          const { reply } = task;
          const reference = await referenceOf(reply.about);
          outcome = await sendMailOnce(target, {
            messageId: reply.messageId,
            from: reply.about.email,
            subject: replySubject(reference),
            text: reply.text,
          });
          if (outcome === 'done') reply.delivered = true;
        }
        if (outcome === 'done') return;
        if (Date.now() > retryDeadline) {
          problems.push(`${describe(task)}: still failing after 600 s of retries`);
          return;
        }
        // Give a dying runtime a moment to be noticed and a restarted one a moment to be set.
        await delay(250);
      }
    };

    const referenceOf = async (complaint: ApiComplaint): Promise<string> => {
      const deadline = Date.now() + 600_000;
      while (complaint.answers[0] === undefined) {
        if (Date.now() > deadline)
          throw new Error(`#${complaint.index} never had a reference to reply about`);
        await delay(200);
      }
      return complaint.answers[0];
    };

    const queue = [...plan.tasks];
    const worker = async () => {
      for (let task = queue.shift(); task !== undefined; task = queue.shift()) {
        inFlight += 1;
        try {
          await perform(task);
        } catch (error) {
          problems.push(`${describe(task)}: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          inFlight -= 1;
          done += 1;
        }
      }
    };
    const loadBegan = Date.now();
    const load = Promise.all(Array.from({ length: options.concurrency }, worker));

    // The kills, evenly through the load.
    for (let kill = 1; kill <= options.kills; kill += 1) {
      const point = Math.floor((plan.tasks.length * kill) / (options.kills + 1));
      while (done < point) await delay(100);
      const target = runtimes.current;
      if (target === undefined) throw new Error('no runtime to kill');
      const at = { done, inFlight };
      runtimes.set(undefined);
      const { mail, tree } = await freezeAndKill(target);
      const killTime = Date.now();
      killedAt.push(killTime);
      mailBeforeKills.push(...mail);
      await target.waitForExit(15_000);
      await waitUntilGone(tree, 15_000);
      const restarted = await startLocalProcess({ env });
      const report: KillReport = {
        ...at,
        acknowledgementsOut: mail.length,
        readySeconds: seconds(Date.now() - killTime),
      };
      kills.push(report);
      runtimes.set(restarted);
      log(
        `SIGKILL ${kill}: ${at.done} of ${plan.tasks.length} tasks done, ${at.inFlight} in flight, ${mail.length} acknowledgements out; ready again after ${report.readySeconds} s`,
      );
    }
    await load;
    const loadSeconds = seconds(Date.now() - loadBegan);
    log(`load done in ${loadSeconds} s`);

    const final = runtimes.current;
    if (final === undefined) throw new Error('no runtime after the load');
    const catchUpBegan = Date.now();
    const moved = await fetch(`${final.url}/_local/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance: PAST_REDRIVE }),
      signal: AbortSignal.timeout(600_000),
    });
    if (moved.status !== 200 && moved.status !== 202) {
      problems.push(`moving the clock ${PAST_REDRIVE} answered ${moved.status}: ${await moved.text()}`);
    }

    const staffToken = cachedToken(final.url);
    const gaveUp = () =>
      runtimes.all
        .filter((run) => run.stderr().includes(EFFECT_DEAD_LETTER))
        .map((run) => `npm start (pid ${run.pid}) gave up on an outbox record`);
    let cases: CaseSummary[] = [];
    const expectedCases = plan.complaints.length + plan.mails.length;
    const catchUpLimitMs = 240_000 + options.complaints * 60;
    try {
      await waitUntilNothingMissing(
        'not every complaint was registered and acknowledged',
        catchUpLimitMs,
        async () => {
          cases = await listCases(final.url, await staffToken());
          return [
            ...gaveUp(),
            ...(cases.length < expectedCases ? [`${expectedCases - cases.length} cases not there yet`] : []),
            ...cases.filter((c) => c.status === 'received').map((c) => `${c.reference}: only received`),
            ...cases
              .filter((c) => c.status !== 'received' && c.acknowledgedAt === undefined)
              .map((c) => `${c.reference}: registered, no acknowledgement`),
            ...(await undoneEffects(final)).map((item) => `${item}: outbox record not done`),
          ];
        },
      );
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
    const catchUpSeconds = seconds(Date.now() - catchUpBegan);
    log(`caught up in ${catchUpSeconds} s: ${cases.length} cases`);

    const deadLettered = await deadLetteredIntake(final);
    if (deadLettered > 0) problems.push(`${deadLettered} intake messages dead-lettered`);
    const checked = await checkOutcome({
      plan,
      cases,
      url: final.url,
      token: staffToken,
      mail: [...mailBeforeKills, ...(await localMail(final.url))],
      kills: options.kills,
    });
    problems.push(...checked.problems);
    log('ledgers and mailboxes checked');

    return {
      sent: {
        complaints: plan.complaints.length,
        repeats: plan.tasks.filter((task) => task.kind === 'submit' && task.repeat).length,
        mails: plan.mails.length,
        replies: plan.replies.length,
      },
      answered: {
        complaints: plan.complaints.filter((c) => c.answers.length > 0).length,
        repeats: plan.complaints.filter((c) => c.answers.length > 1).length,
        mails: plan.mails.filter((m) => m.delivered).length,
        replies: plan.replies.filter((r) => r.delivered).length,
      },
      cases: {
        total: cases.length,
        registered: cases.filter((c) => c.status !== 'received').length,
        acknowledged: cases.filter((c) => c.acknowledgedAt !== undefined).length,
        threadedReplies: checked.threadedReplies,
      },
      acknowledgementMails: checked.acknowledgementMails,
      kills,
      seconds: { load: loadSeconds, catchUp: catchUpSeconds, total: seconds(Date.now() - began) },
      problems,
      repeatedAtKill: checked.repeatedAtKill,
      lostByStandIn: checked.lostByStandIn,
    };
  } finally {
    for (const run of runtimes.all) await run.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
};

const describe = (task: SoakTask): string =>
  task.kind === 'submit'
    ? `complaint #${task.complaint.index}${task.repeat ? ' (repeat)' : ''}`
    : task.kind === 'mail'
      ? `mail #${task.mail.index}`
      : `reply #${task.reply.index}`;

/** A staff sign-in renewed every minute: local tokens last 15 minutes and the checks can take longer. */
const cachedToken = (url: string) => {
  let token: { value: string; at: number } | undefined;
  return async (): Promise<string> => {
    if (token === undefined || Date.now() - token.at > 60_000) {
      token = { value: await tokenFor(url, 'cpo'), at: Date.now() };
    }
    return token.value;
  };
};

interface OutcomeInput {
  plan: { complaints: ApiComplaint[]; mails: MailComplaint[]; replies: MailReply[] };
  cases: CaseSummary[];
  url: string;
  token: () => Promise<string>;
  mail: Mail[];
  kills: number;
}

/** What each customer and the staff see: one case per complaint, one acknowledgement each. */
const checkOutcome = async (input: OutcomeInput) => {
  const { plan, cases } = input;
  const problems: string[] = [];
  const repeatedAtKill: string[] = [];
  const lostByStandIn: string[] = [];
  const bySubject = new Map<string, CaseSummary[]>();
  for (const c of cases) bySubject.set(c.subject, [...(bySubject.get(c.subject) ?? []), c]);
  const mailByRecipient = new Map<string, Mail[]>();
  for (const mail of new Map(input.mail.map((m) => [m.id, m])).values()) {
    for (const to of mail.to) {
      const address = to.toLowerCase();
      mailByRecipient.set(address, [...(mailByRecipient.get(address) ?? []), mail]);
    }
  }
  const repliesAbout = new Map<string, number>();
  for (const reply of plan.replies) {
    if (!reply.delivered) problems.push(`reply #${reply.index}: never accepted by the mailbox`);
    const reference = reply.about.answers[0];
    if (reference !== undefined) repliesAbout.set(reference, (repliesAbout.get(reference) ?? 0) + 1);
  }

  // Each complaint: its case, under the reference its client was given, acknowledged once.
  const owed: Array<{ who: string; email: string; reference: string; replies: number }> = [];
  for (const complaint of plan.complaints) {
    const [first, ...others] = complaint.answers;
    const found = bySubject.get(complaint.subject) ?? [];
    if (first === undefined) {
      problems.push(`complaint #${complaint.index}: never accepted (${complaint.problem ?? 'no answer'})`);
      continue;
    }
    if (others.some((reference) => reference !== first)) {
      problems.push(
        `complaint #${complaint.index}: sent twice with one key, answered ${complaint.answers.join(' and ')}`,
      );
    }
    if (found.length === 0 && (complaint.answeredBy ?? 0) < input.kills) {
      lostByStandIn.push(
        `${first} (complaint #${complaint.index}, answered by runtime ${complaint.answeredBy})`,
      );
      continue;
    }
    if (found.length !== 1 || found[0]?.reference !== first) {
      problems.push(
        `complaint #${complaint.index} (${first}): cases ${found.map((c) => c.reference).join(', ') || 'none'}`,
      );
      continue;
    }
    owed.push({
      who: `complaint #${complaint.index}`,
      email: complaint.email,
      reference: first,
      replies: repliesAbout.get(first) ?? 0,
    });
  }
  for (const mail of plan.mails) {
    const found = bySubject.get(mail.subject) ?? [];
    const [only] = found;
    if (!mail.delivered) problems.push(`mail #${mail.index}: never accepted by the mailbox`);
    else if (found.length !== 1 || only === undefined)
      problems.push(`mail #${mail.index}: ${found.length} cases`);
    else owed.push({ who: `mail #${mail.index}`, email: mail.from, reference: only.reference, replies: 0 });
  }

  let acknowledgementMails = 0;
  let threadedReplies = 0;
  const ledgers = await mapFew(
    owed,
    async (entry) => caseLedger(input.url, await input.token(), entry.reference),
    8,
  );
  for (const [index, entry] of owed.entries()) {
    const ledger = ledgers[index];
    if (ledger === undefined || typeof ledger === 'number') {
      problems.push(`${entry.who} (${entry.reference}): GET answered ${String(ledger)}`);
      continue;
    }
    const kinds = ledger.timeline.map((event) => event.kind);
    const registered = kinds.filter((kind) => kind === 'case.registered').length;
    const acknowledged = ledger.timeline.filter((event) => event.kind === 'case.acknowledged');
    const repeatedNotices = ledger.timeline.filter(
      (event) => event.kind === 'case.notice_sent' && event.data?.notice === 'acknowledgement',
    ).length;
    const mailedMessages = ledger.timeline.filter(
      (event) => event.kind === 'case.customer_message' && event.data?.via === 'email',
    ).length;
    // A mailed complaint's first mail is its first message; a web complaint has none of its own.
    const replies = mailedMessages - (entry.who.startsWith('mail') ? 1 : 0);
    threadedReplies += Math.max(replies, 0);
    if (registered !== 1 || acknowledged.length !== 1 || repeatedNotices !== 0 || replies !== entry.replies) {
      problems.push(
        `${entry.who} (${entry.reference}): ${registered} registered, ${acknowledged.length} acknowledged, ${repeatedNotices} more acknowledgements, ${replies} replies on the case (${entry.replies} sent)`,
      );
    }
    const toCustomer = mailByRecipient.get(entry.email) ?? [];
    const naming = toCustomer.filter((mail) => mail.subject.includes(`[${entry.reference}]`));
    const recorded = acknowledged[0]?.data?.messageId;
    const recordedSent = toCustomer.some((mail) => mail.id === recorded);
    acknowledgementMails += naming.length;
    if (toCustomer.length === 2 && naming.length === 2 && recordedSent) {
      repeatedAtKill.push(`${entry.reference}: ${toCustomer.map((m) => m.id).join(', ')}`);
    } else if (toCustomer.length !== 1 || naming.length !== 1 || !recordedSent) {
      problems.push(
        `${entry.who} (${entry.reference}): ${toCustomer.length} mails to ${entry.email}, ${naming.length} naming the case, ledger names ${String(recorded)}`,
      );
    }
  }
  // SES takes no idempotency key: a kill after it accepted a mail and before the send was recorded
  // repeats that one mail. The processor sends one mail at a time, so at most one per kill.
  if (repeatedAtKill.length > input.kills) {
    problems.push(
      `${repeatedAtKill.length} acknowledgements repeated over ${input.kills} kills: ${repeatedAtKill.join('; ')}`,
    );
  }
  return { problems, repeatedAtKill, lostByStandIn, acknowledgementMails, threadedReplies };
};

/** A few lines a person reads at the end of a soak. */
export const formatSoakReport = (report: SoakReport): string => {
  const lines = [
    `sent: ${report.sent.complaints} complaints by API (${report.sent.repeats} sent again with the same Idempotency-Key), ${report.sent.mails} complaints and ${report.sent.replies} replies by SMTP`,
    `answered: ${report.answered.complaints} complaints 202 (${report.answered.repeats} repeats given the same reference), ${report.answered.mails} mails and ${report.answered.replies} replies accepted by the mailbox`,
    `cases: ${report.cases.total} (${report.cases.registered} registered, ${report.cases.acknowledged} acknowledged), ${report.cases.threadedReplies} replies threaded onto their case`,
    `acknowledgement mails: ${report.acknowledgementMails}`,
    ...report.kills.map(
      (kill, index) =>
        `SIGKILL ${index + 1}: ${kill.done} tasks done, ${kill.inFlight} in flight, ${kill.acknowledgementsOut} acknowledgements out; ready ${kill.readySeconds} s after the kill, first complaint accepted after ${kill.firstAcceptedSeconds ?? '?'} s`,
    ),
    `time: load ${report.seconds.load} s, catch-up after the clock move ${report.seconds.catchUp} s, total ${report.seconds.total} s`,
    `acknowledgements repeated by a kill (SES accepted, crash before it was recorded): ${report.repeatedAtKill.length}${report.repeatedAtKill.length > 0 ? ` [${report.repeatedAtKill.join('; ')}]` : ''}`,
    `lost by DynamoDB Local (answered 202 just before a kill, no case after it): ${report.lostByStandIn.length}${report.lostByStandIn.length > 0 ? ` [${report.lostByStandIn.join('; ')}]` : ''}`,
    report.problems.length === 0
      ? 'problems: none'
      : `problems (${report.problems.length}):\n  ${report.problems.slice(0, 100).join('\n  ')}`,
  ];
  return lines.join('\n');
};
