import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessInboundMail } from '../../functions/email-gateway/process-inbound-mail.js';
import { undeliveredInboundMail } from '../../infra/local/inbound-redelivery.js';
import { loadLocalConfig } from '../../infra/local/local-config.js';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/local-runtime.js';
import { inboundObjectKey } from '../../infra/local/smtp-receiver.js';
import type { InboundMailLog } from '../../shared/domain/mail-intake/mail-ports.js';
import { appOnRuntime } from '../support/local-runtime-fixture.js';

/**
 * The gateway killed part-way through a mail: after the case (or the reply on it) was written but
 * before the run was marked done. The run is repeated (Lambda's retry, or the local runtime
 * delivering stored mail again after a restart) and must add nothing the first run already wrote.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'redress-mail-crash-'));
let runtime: LocalRuntime;
let app: ReturnType<typeof appOnRuntime>;

beforeAll(async () => {
  runtime = await startLocalRuntime(
    loadLocalConfig({ PORT: '0', REDRESS_DATA_DIR: dataDir, REDRESS_CLOCK: 'frozen' }),
  );
  app = appOnRuntime(runtime);
});

afterAll(async () => {
  app.close();
  await runtime.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The mail log write is the gateway's last step: failing it once is a run cut short at the end. */
const crashingOnce = (log: InboundMailLog): InboundMailLog => {
  let crashed = false;
  return {
    listDay: (day) => log.listDay(day),
    record: async (entry) => {
      if (!crashed) {
        crashed = true;
        throw new Error('killed before the run was marked done');
      }
      await log.record(entry);
    },
  };
};

const storeMail = async (lines: string[]) => {
  const key = inboundObjectKey(runtime.clock.now());
  await app.objects().put(runtime.s3.inboundBucket, key, Buffer.from(lines.join('\r\n')), 'message/rfc822');
  return { bucket: runtime.s3.inboundBucket, key };
};

const mail = (input: { from: string; subject: string; messageId: string; text: string }) => [
  `From: ${input.from}`,
  `To: ${runtime.config.complaintsAddress}`,
  `Subject: ${input.subject}`,
  `Message-ID: <${input.messageId}>`,
  'Date: Mon, 23 Nov 2026 10:00:00 +0800',
  'Content-Type: text/plain; charset=utf-8',
  '',
  input.text,
];

const casesWithSubject = async (subject: string) =>
  (await runtime.store.findDue('9999-12-31T00:00:00.000Z')).filter((due) => due.case.subject === subject);

describe('the e-mail gateway repeated after a crash', () => {
  it('opens one case for a mail whose first run stored the case and then died', async () => {
    const subject = 'Card payment failed twice, charged twice (crash test)';
    const object = await storeMail(
      mail({
        from: 'zhou.min@example.com',
        subject,
        messageId: 'crash-new@example.com',
        text: 'Charged twice.',
      }),
    );
    const process = createProcessInboundMail({
      ...app.emailGateway(),
      mailLog: crashingOnce(app.emailGateway().mailLog),
    });

    await expect(process(object)).rejects.toThrow('killed before the run was marked done');
    const retried = await process(object);

    const cases = await casesWithSubject(subject);
    expect(cases.map((due) => due.case.reference)).toEqual([retried.reference]);
    // The mail is the case's first message, once: not a second case, nor itself again as a reply.
    const messages = (await runtime.store.listEvents(retried.reference ?? '')).filter(
      (event) => event.kind === 'case.customer_message',
    );
    expect(messages).toHaveLength(1);
  });

  it('puts a reply on its case once although the run that wrote it died', async () => {
    const subject = 'ATM kept my card (crash test)';
    const first = await createProcessInboundMail(app.emailGateway())(
      await storeMail(
        mail({
          from: 'qian.li@example.com',
          subject,
          messageId: 'crash-first@example.com',
          text: 'The ATM kept my card.',
        }),
      ),
    );
    const reference = first.reference ?? '';
    const reply = await storeMail(
      mail({
        from: 'qian.li@example.com',
        subject: `Re: [${reference}] 投诉受理通知 / Complaint received`,
        messageId: 'crash-reply@example.com',
        text: 'The branch is on Nanjing Road.',
      }),
    );
    const process = createProcessInboundMail({
      ...app.emailGateway(),
      mailLog: crashingOnce(app.emailGateway().mailLog),
    });

    await expect(process(reply)).rejects.toThrow('killed before the run was marked done');
    await process(reply);

    const messages = (await runtime.store.listEvents(reference)).filter(
      (event) =>
        event.kind === 'case.customer_message' && event.data?.text === 'The branch is on Nanjing Road.',
    );
    expect(messages).toHaveLength(1);
  });

  it('finds stored mail the gateway never finished, and not mail it did', async () => {
    const unfinished = await storeMail(
      mail({
        from: 'sun.yu@example.com',
        subject: 'Never processed',
        messageId: 'crash-stored@example.com',
        text: 'Hello.',
      }),
    );
    const finished = await storeMail(
      mail({
        from: 'wu.hao@example.com',
        subject: 'Processed',
        messageId: 'crash-done@example.com',
        text: 'Hello.',
      }),
    );
    await createProcessInboundMail(app.emailGateway())(finished);
    const s3 = new S3Client({
      endpoint: runtime.s3.endpoint,
      region: 'local',
      forcePathStyle: true,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      const found = await undeliveredInboundMail({
        s3,
        bucket: runtime.s3.inboundBucket,
        mailLog: app.emailGateway().mailLog,
        now: runtime.clock.now(),
        storedBefore: new Date(Date.now() + 60_000),
      });
      const keys = found.map((object) => object.key);
      expect(keys).toContain(unfinished.key);
      expect(keys).not.toContain(finished.key);
      // Mail stored just now may still be in the gateway's hands: it is left alone.
      const recent = await undeliveredInboundMail({
        s3,
        bucket: runtime.s3.inboundBucket,
        mailLog: app.emailGateway().mailLog,
        now: runtime.clock.now(),
        storedBefore: new Date(Date.now() - 60_000),
      });
      expect(recent.map((object) => object.key)).not.toContain(unfinished.key);
    } finally {
      s3.destroy();
    }
  });
});
