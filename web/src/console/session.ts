/// <reference lib="dom" />

import { z } from 'zod';

const STORAGE_KEY = 'redress.console.session';

const sessionSchema = z.object({ user: z.string().min(1), token: z.string().min(1) });
export type StaffSession = z.infer<typeof sessionSchema>;

/** The development users the local sign-in knows; a deployment signs in through Cognito instead. */
export const devUsers: readonly string[] = [
  'cpo',
  'admin',
  'deputy-president',
  'president',
  ...['BJ-001', 'SH-002', 'GZ-003'].flatMap((branch) => [
    `head-${branch}`,
    `ops-${branch}`,
    `handler-${branch}`,
    `agent-${branch}`,
  ]),
];

const storage = (): Storage | undefined => {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
};

/** Session storage: the token dies with the tab, so a shared counter PC does not stay signed in. */
export const loadSession = (): StaffSession | undefined => {
  try {
    const raw = storage()?.getItem(STORAGE_KEY);
    if (raw === null || raw === undefined) return undefined;
    const parsed = sessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

export const saveSession = (session: StaffSession): void => {
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(session));
  } catch {
    // Without storage the sign-in lasts only until the next page load.
  }
};

export const clearSession = (): void => {
  try {
    storage()?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
};
