import type { z } from 'zod';

/** Parses a Lambda's environment once at cold start; a bad or missing variable is named. */
export const parseEnvironment = <Schema extends z.ZodType>(
  schema: Schema,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<Schema> => {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} (${issue.message})`);
    throw new Error(`Invalid configuration in environment variable(s): ${problems.join(', ')}`);
  }
  return parsed.data;
};
