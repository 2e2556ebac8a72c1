import { loadLocalConfig } from './local-config.js';
import { startLocalRuntime } from './local-runtime.js';
import { createWebAssets } from './web-assets.js';

const config = loadLocalConfig();
const startedAt = Date.now();
const web = await createWebAssets();
const runtime = await startLocalRuntime(config, { fallbacks: [web.fallback] });

process.stdout.write(
  [
    `Redress local is ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (data in ${config.dataDir})`,
    `  complaint form ${runtime.url}/`,
    `  staff console  ${runtime.url}/console  (dev sign-in: GET /_local/token?user=cpo)`,
    `  API            ${runtime.url}/api/complaints  (POST; GET /api/complaints/{reference}?token=...)`,
    `  captured mail  ${runtime.url}/_local/mail`,
    `  complaints mailbox  smtp://127.0.0.1:${runtime.smtp.port}  (mail to ${runtime.smtp.complaintsAddress})`,
    `  health         ${runtime.url}/health`,
    `  DynamoDB Local ${runtime.dynamoDb.endpoint}  (table ${config.tableName})`,
    `  SQS (local)    ${runtime.sqs.intakeQueueUrl}`,
    `  SES (local)    ${runtime.ses.endpoint}  (mail viewer)`,
    `  virtual clock  ${runtime.clock.now().toISOString()}  (POST /_local/clock {"advance":"P16D"})`,
    'Press Ctrl-C to stop.',
    '',
  ].join('\n'),
);

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n${signal}: stopping...\n`);
  runtime
    .stop()
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      process.stderr.write(`stop failed: ${error instanceof Error ? error.message : 'unknown error'}\n`);
      process.exit(1);
    });
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
