/// <reference lib="dom" />

import { type Browser, chromium, type Page, type Request } from 'playwright-core';

/** Debian's chromium package; CHROMIUM_PATH points elsewhere on machines that keep it elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long a page may take to show what a step expects. */
export const WAIT = { timeout: 10_000 };

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/** A complaint POST the page made, as the server received it. */
export interface SentComplaint {
  idempotencyKey: string | undefined;
  body: unknown;
}

export interface OpenedPage {
  page: Page;
  /** Messages of any alert/confirm/prompt the page opened (each is dismissed). */
  dialogs: string[];
  /** Uncaught script errors and console errors, CSP violations included. */
  problems: string[];
  /** The complaint POSTs sent so far, read from the browser's own requests (nothing is intercepted). */
  sentComplaints(): Promise<SentComplaint[]>;
  close(): Promise<void>;
}

const isComplaintPost = (request: Request): boolean =>
  request.method() === 'POST' && new URL(request.url()).pathname === '/api/complaints';

const asSent = async (request: Request): Promise<SentComplaint> => {
  const headers = await request.allHeaders();
  const raw = request.postData();
  const body: unknown = raw === null ? undefined : JSON.parse(raw);
  return { idempotencyKey: headers['idempotency-key'], body };
};

/** Opens `url` in a fresh context with the given browser locale, watching dialogs, errors and POSTs. */
export const openPage = async (browser: Browser, locale: string, url: string): Promise<OpenedPage> => {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  const posts: Request[] = [];
  page.on('request', (request) => {
    if (isComplaintPost(request)) posts.push(request);
  });
  await page.goto(url);
  return {
    page,
    dialogs,
    problems,
    sentComplaints: () => Promise.all(posts.map(asSent)),
    close: () => context.close(),
  };
};

export const activeId = (page: Page): Promise<string> =>
  page.evaluate(() => document.activeElement?.id ?? '');

/** Presses Tab until the element has focus; fails if it is not reached within a few presses. */
export const tabTo = async (page: Page, id: string, maxPresses: number): Promise<void> => {
  for (let press = 0; press < maxPresses; press += 1) {
    await page.keyboard.press('Tab');
    if ((await activeId(page)) === id) return;
  }
  throw new Error(
    `Tab did not reach #${id} within ${maxPresses} presses (focus is on #${await activeId(page)})`,
  );
};

/** The text of the first element matching `selector`, once it is visible. */
export const textOf = async (page: Page, selector: string): Promise<string> => {
  const locator = page.locator(selector).first();
  await locator.waitFor({ state: 'visible', ...WAIT });
  return (await locator.textContent()) ?? '';
};

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/**
 * A UTC instant as the Chinese pages write it in Beijing time, e.g. `2026年11月23日 10:30`.
 * Worked out by hand (China keeps UTC+8 all year) rather than with the pages' own formatter.
 */
export const beijingTimeZh = (iso: string): string => {
  const local = new Date(Date.parse(iso) + BEIJING_OFFSET_MS);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
};

/** The Beijing calendar date of a UTC instant as eight digits, as complaint references carry it. */
export const beijingDateDigits = (iso: string): string =>
  new Date(Date.parse(iso) + BEIJING_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
