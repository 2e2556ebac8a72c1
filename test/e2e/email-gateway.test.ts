import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadLocalConfig } from '../../infra/local/local-config.js';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/local-runtime.js';
import { createDocumentClient } from '../../shared/adapters/dynamodb/dynamodb-client.js';
import { DynamoDbInboundMailLog } from '../../shared/adapters/dynamodb/mail-items.js';

const dataDir = mkdtempSync(join(tmpdir(), 'redress-mail-e2e-'));
let runtime: LocalRuntime;
let smtp: ReturnType<typeof nodemailer.createTransport>;

const capturedSchema = z.array(
  z.object({
    id: z.string(),
    messageId: z.string(),
    to: z.array(z.string()),
    subject: z.string(),
    text: z.string(),
  }),
);
const captured = async () => capturedSchema.parse(await (await fetch(`${runtime.url}/_local/mail`)).json());
const referenceIn = (subject: string): string => {
  const match = /\[(RD-\d{8}-[2-9A-Z]{6})\]/.exec(subject);
  if (match?.[1] === undefined) throw new Error(`no reference in subject "${subject}"`);
  return match[1];
};

beforeAll(async () => {
  runtime = await startLocalRuntime(
    loadLocalConfig({ PORT: '0', REDRESS_DATA_DIR: dataDir, REDRESS_CLOCK: 'frozen' }),
  );
  smtp = nodemailer.createTransport({
    host: '127.0.0.1',
    port: runtime.smtp.port,
    secure: false,
    ignoreTLS: true,
  });
});

afterAll(async () => {
  smtp.close();
  await runtime.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('complaints by e-mail, end to end over SMTP', () => {
  let reference = '';
  let acknowledgementId = '';

  it('turns a mail to the complaints address into a registered case and acknowledges it in Chinese', async () => {
    await fetch(`${runtime.url}/_local/mail/clear`, { method: 'POST' });
    await smtp.sendMail({
      from: '"刘洋" <Liu.Yang@Example.com>',
      to: runtime.smtp.complaintsAddress,
      subject: '手机银行转账失败但已扣款',
      text: '您好，我11月22日用手机银行转账5000元，页面显示失败，但账户已经扣款。请尽快核实退还。',
    });
    await runtime.settle(30_000);

    const mail = await captured();
    expect(mail).toHaveLength(1);
    const [acknowledgement] = mail;
    expect(acknowledgement?.to).toEqual(['liu.yang@example.com']);
    expect(acknowledgement?.subject).toMatch(/^\[RD-\d{8}-[2-9A-Z]{6}\] 投诉受理通知 \/ Complaint received$/);
    reference = referenceIn(acknowledgement?.subject ?? '');
    acknowledgementId = acknowledgement?.messageId ?? '';

    const complaint = await runtime.store.get(reference);
    expect(complaint).toMatchObject({
      channel: 'email',
      status: 'registered',
      language: 'zh-CN',
      subject: '手机银行转账失败但已扣款',
      customer: { name: '刘洋', email: 'liu.yang@example.com' },
    });
    expect(complaint?.acknowledgedAt).toBeDefined();
    // Proof the customer was told: locally a captured mail counts as delivered.
    const ledger = await runtime.store.listEvents(reference);
    expect(ledger.map((event) => event.kind)).toContain('case.notice_delivered');
    // The mail is the customer's first message, written with the case; its words are the description.
    const first = ledger.find((event) => event.kind === 'case.customer_message');
    expect(first).toMatchObject({
      seq: 2,
      actor: { id: 'customer', kind: 'customer' },
      data: { via: 'email', messageId: expect.any(String), attachments: [], refusedAttachments: [] },
    });
    expect(first?.data).not.toHaveProperty('text');
    expect(first?.data).not.toHaveProperty('claimsToReplyTo');
  });

  it('puts a reply to the acknowledgement on the same case, without the quoted history', async () => {
    await smtp.sendMail({
      from: 'liu.yang@example.com',
      to: runtime.smtp.complaintsAddress,
      subject: 'Re: 投诉受理通知',
      inReplyTo: acknowledgementId,
      references: [acknowledgementId],
      text: '补充一下：交易流水号 2026112200123。\n\n在 2026年11月23日 09:20，complaints-noreply@bank.example 写道：\n> 您的投诉已受理',
    });
    await runtime.settle(30_000);

    const events = await runtime.store.listEvents(reference);
    const messages = events.filter((event) => event.kind === 'case.customer_message');
    const reply = messages.at(-1);
    expect(reply?.data?.text).toBe('补充一下：交易流水号 2026112200123。');
    // The reply is a message on the case, not a new complaint: still one acknowledgement sent.
    expect(await captured()).toHaveLength(1);
  });

  it('opens a separate, flagged case when a stranger quotes the reference, and never attaches it', async () => {
    await smtp.sendMail({
      from: 'someone.else@example.org',
      to: runtime.smtp.complaintsAddress,
      subject: `Re: [${reference}] 投诉受理通知`,
      text: 'I am writing about this case too: please send me the details.',
    });
    await runtime.settle(30_000);

    const mail = await captured();
    expect(mail).toHaveLength(2);
    const other = referenceIn(mail[1]?.subject ?? '');
    expect(other).not.toBe(reference);
    expect(mail[1]?.to).toEqual(['someone.else@example.org']);
    expect((await runtime.store.get(other))?.claimsToReplyTo).toBe(reference);
    const flagged = (await runtime.store.listEvents(other)).find(
      (event) => event.kind === 'case.customer_message',
    );
    expect(flagged?.data).toMatchObject({ via: 'email', claimsToReplyTo: reference });
    const original = await runtime.store.listEvents(reference);
    expect(original.filter((event) => event.kind === 'case.customer_message')).toHaveLength(2);
  });

  it('records and drops an out-of-office reply: no case, no acknowledgement, no loop', async () => {
    await smtp.sendMail({
      from: 'liu.yang@example.com',
      to: runtime.smtp.complaintsAddress,
      subject: `自动回复: [${reference}] 投诉受理通知`,
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Autoreply': 'yes' },
      text: '我目前不在办公室，将于下周一回复。',
    });
    await runtime.settle(30_000);

    expect(await captured()).toHaveLength(2);
    const events = await runtime.store.listEvents(reference);
    expect(events.filter((event) => event.kind === 'case.customer_message')).toHaveLength(2);
    expect(runtime.mailDeadLetters).toEqual([]);
    const log = new DynamoDbInboundMailLog(
      createDocumentClient(runtime.dynamoDb.client),
      runtime.config.tableName,
    );
    const today = await log.listDay(runtime.clock.now().toISOString().slice(0, 10));
    // The frozen test clock gives every entry the same time, so compare without order.
    expect(today.map((entry) => entry.outcome).sort()).toEqual([
      'attached',
      'dropped',
      'new_case',
      'new_case',
    ]);
    expect(today.find((entry) => entry.outcome === 'dropped')?.reason).toMatch(/auto-submitted/i);
  });

  it('records mail it cannot read as a failed intake, retries it, then dead-letters it', async () => {
    await smtp.sendMail({
      envelope: { from: 'liu.yang@example.com', to: [runtime.smtp.complaintsAddress] },
      raw: '\u0000\u0001 not a mail at all \u00ff',
    });
    await runtime.settle(30_000);

    expect(runtime.mailDeadLetters).toHaveLength(1);
    expect(runtime.mailDeadLetters[0]?.error).toMatch(/MailIntakeFailedError/);
    const log = new DynamoDbInboundMailLog(
      createDocumentClient(runtime.dynamoDb.client),
      runtime.config.tableName,
    );
    const failed = (await log.listDay(runtime.clock.now().toISOString().slice(0, 10))).filter(
      (entry) => entry.outcome === 'failed',
    );
    // One entry for the mail (each retry rewrites it), with the reason it could not be read.
    expect(failed).toHaveLength(1);
    expect(failed[0]?.reason).toMatch(/not a readable e-mail/);
    expect(await captured()).toHaveLength(2);
  });

  it('refuses mail for other addresses at the SMTP conversation', async () => {
    await expect(
      smtp.sendMail({ from: 'liu.yang@example.com', to: 'ceo@bank.example', subject: 'hello', text: 'hi' }),
    ).rejects.toThrow(/550/);
  });
});
