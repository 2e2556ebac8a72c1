import { resolve } from 'node:path';
import { z } from 'zod';

const portSchema = z.coerce.number().int().min(0).max(65_535);

const envSchema = z.object({
  PORT: portSchema.default(3000),
  REDRESS_DATA_DIR: z.string().min(1).default('.redress-data'),
  /** 0 lets the OS choose; the chosen ports are printed at startup and shown by /health. */
  DYNAMODB_PORT: portSchema.default(0),
  SES_PORT: portSchema.default(0),
  TABLE_NAME: z.string().min(3).default('redress-cases'),
  /** `ticking` follows the wall clock between moves; `frozen` stands still until moved. */
  REDRESS_CLOCK: z.enum(['ticking', 'frozen']).default('ticking'),
});

export interface LocalConfig {
  port: number;
  dataDir: string;
  dynamoDbPort: number;
  sesPort: number;
  tableName: string;
  tickingClock: boolean;
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
    tableName: parsed.data.TABLE_NAME,
    tickingClock: parsed.data.REDRESS_CLOCK === 'ticking',
  };
};
