import { z } from 'zod';

/** What every staff API function reads at cold start; the CDK sets it. */
export const staffApiEnvironmentSchema = z.object({
  AWS_REGION: z.string().min(1),
  TABLE_NAME: z.string().min(3),
});
