import { resolve } from 'node:path';
import { z } from 'zod';

const portSchema = z.coerce.number().int().min(0).max(65_535);

const envSchema = z.object({
  PORT: portSchema.default(3000),
  REDRESS_DATA_DIR: z.string().min(1).default('.redress-data'),
  /** 0 lets the OS choose; the chosen ports are printed at startup and shown by /health. */
  DYNAMODB_PORT: portSchema.default(0),
  SES_PORT: portSchema.default(0),
  /** Where the local complaints mailbox listens for SMTP (free port when PORT is 0, as in tests). */
  SMTP_PORT: portSchema.optional(),
  TABLE_NAME: z.string().min(3).default('redress-cases'),
  /** `ticking` follows the wall clock between moves; `frozen` stands still until moved. */
  REDRESS_CLOCK: z.enum(['ticking', 'frozen']).default('ticking'),
  /** Where a new data directory's virtual clock starts (default: now); tests pin it. */
  REDRESS_CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  /** Base of the links in e-mails; defaults to this server. */
  PUBLIC_BASE_URL: z.url().optional(),
  SENDER_ADDRESS: z.email().default('complaints-noreply@bank.example'),
  COMPLAINTS_ADDRESS: z.email().default('complaints@bank.example'),
  /** How soon a failed intake record is retried locally (deployed: the queue's 90 s). */
  QUEUE_VISIBILITY_SECONDS: z.coerce.number().int().min(1).max(300).default(2),
  /**
   * Parallel pollers of the intake queue, like Lambda's concurrent invocations. One is the best
   * fit locally: DynamoDB Local serialises writes, so more pollers only contend with intake.
   */
  QUEUE_POLLERS: z.coerce.number().int().min(1).max(32).default(1),
});

export interface LocalConfig {
  port: number;
  dataDir: string;
  dynamoDbPort: number;
  sesPort: number;
  smtpPort: number;
  tableName: string;
  tickingClock: boolean;
  clockStart?: Date;
  publicBaseUrl: string;
  senderAddress: string;
  complaintsAddress: string;
  queueVisibilitySeconds: number;
  queuePollers: number;
}

/** Parsed once at startup; a bad variable stops the start with a message naming it. */
export const loadLocalConfig = (env: NodeJS.ProcessEnv = process.env): LocalConfig => {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid local configuration: ${problems.join('; ')}`);
  }
  return {
    port: parsed.data.PORT,
    dataDir: resolve(parsed.data.REDRESS_DATA_DIR),
    dynamoDbPort: parsed.data.DYNAMODB_PORT,
    sesPort: parsed.data.SES_PORT,
    smtpPort: parsed.data.SMTP_PORT ?? (parsed.data.PORT === 0 ? 0 : 2525),
    tableName: parsed.data.TABLE_NAME,
    tickingClock: parsed.data.REDRESS_CLOCK === 'ticking',
    ...(parsed.data.REDRESS_CLOCK_START ? { clockStart: new Date(parsed.data.REDRESS_CLOCK_START) } : {}),
    publicBaseUrl:
      parsed.data.PUBLIC_BASE_URL ?? `http://127.0.0.1:${parsed.data.PORT === 0 ? 3000 : parsed.data.PORT}`,
    senderAddress: parsed.data.SENDER_ADDRESS,
    complaintsAddress: parsed.data.COMPLAINTS_ADDRESS,
    queueVisibilitySeconds: parsed.data.QUEUE_VISIBILITY_SECONDS,
    queuePollers: parsed.data.QUEUE_POLLERS,
  };
};
