import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { loadLocalConfig } from '../../../infra/local/local-config.js';
import { type LocalRuntime, startLocalRuntime } from '../../../infra/local/local-runtime.js';
import type { CapturedMail } from '../../../infra/local/mail-capture.js';
import { createWebAssets } from '../../../infra/local/web-assets.js';

/** The local system with the public pages, on a free loopback port, with its data in a temp dir. */
export interface WebRuntime {
  runtime: LocalRuntime;
  url: string;
  /** Every e-mail the local SES captured so far, oldest first, read from GET /_local/mail. */
  mail(): Promise<CapturedMail[]>;
  stop(): Promise<void>;
}

const capturedMailSchema = z.array(
  z.strictObject({
    id: z.string(),
    messageId: z.string(),
    at: z.string(),
    from: z.string(),
    to: z.array(z.string()),
    cc: z.array(z.string()),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
  }),
);

/**
 * Starts the real local runtime (DynamoDB Local, local SES and SQS, the intake handlers and the
 * worker) with a frozen clock, serving the built web pages as its fallback. `stop` shuts it
 * down and removes its data, also when only part of it came up.
 */
export const startWebRuntime = async (): Promise<WebRuntime> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'redress-web-e2e-'));
  let runtime: LocalRuntime;
  try {
    const web = await createWebAssets();
    runtime = await startLocalRuntime(
      loadLocalConfig({ PORT: '0', REDRESS_DATA_DIR: dataDir, REDRESS_CLOCK: 'frozen' }),
      { fallbacks: [web.fallback] },
    );
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const { url } = runtime;

  const mail = async (): Promise<CapturedMail[]> => {
    const response = await fetch(`${url}/_local/mail`);
    if (!response.ok) throw new Error(`GET /_local/mail answered ${response.status}`);
    return capturedMailSchema.parse(await response.json());
  };

  const stop = async (): Promise<void> => {
    try {
      await runtime.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };

  return { runtime, url, mail, stop };
};

/** The captured e-mails about one complaint: those carrying `[reference]` in the subject. */
export const mailAbout = (mails: readonly CapturedMail[], reference: string): CapturedMail[] =>
  mails.filter((mail) => mail.subject.includes(`[${reference}]`));
