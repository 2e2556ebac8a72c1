/// <reference lib="dom" />

import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRequest, LocalResponse } from '../../infra/local/http-server.js';
import { createWebAssets } from '../../infra/local/web-assets.js';
import {
  type ComplaintSubmission,
  complaintSubmissionSchema,
  fieldErrors,
} from '../../shared/schemas/complaint-submission-schema.js';

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
const WAIT = { timeout: 10_000 };
const RECEIVED_AT = '2026-11-23T02:30:00.000Z';
const DECIDE_BY = '2026-12-08T15:59:59.000Z';
/** A branch code the fake API refuses, to see a server-only field error land on its field. */
const UNKNOWN_BRANCH = 'XX-00';

interface RecordedPost {
  idempotencyKey: string | undefined;
  body: unknown;
}

interface TestSite {
  url: string;
  posts: RecordedPost[];
  stop(): Promise<void>;
}

const json = (status: number, value: unknown): LocalResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(value),
});

const apiError = (
  status: number,
  code: string,
  message: string,
  fields: Array<{ path: string; message: string }>,
) => json(status, { error: { code, message, fields } });

/**
 * The public pages plus a stand-in for the two complaint API routes, on a free loopback port.
 * The stand-in validates with the real shared schema; swap this one function for the local
 * runtime once the intake API is served there.
 */
const startTestSite = async (): Promise<TestSite> => {
  const web = await createWebAssets();
  const posts: RecordedPost[] = [];
  const complaints = new Map<string, { token: string; submission: ComplaintSubmission }>();

  const submit = async (request: LocalRequest): Promise<LocalResponse> => {
    const key = request.headers['idempotency-key'];
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      return apiError(400, 'invalid_json', 'Body is not JSON', []);
    }
    posts.push({ idempotencyKey: typeof key === 'string' ? key : undefined, body });
    const parsed = complaintSubmissionSchema.safeParse(body);
    if (!parsed.success) {
      return apiError(400, 'invalid_request', 'Invalid complaint', fieldErrors(parsed.error));
    }
    if (parsed.data.branchCode === UNKNOWN_BRANCH) {
      return apiError(400, 'invalid_request', 'Invalid complaint', [
        { path: 'branchCode', message: 'is not a branch we know' },
      ]);
    }
    const reference = `RD-20261123-${String(complaints.size + 1).padStart(6, '0')}`;
    const token = randomUUID();
    complaints.set(reference, { token, submission: parsed.data });
    return json(202, {
      reference,
      trackingToken: token,
      status: 'received',
      statusUrl: `/status/${reference}?token=${token}`,
    });
  };

  const status = (request: LocalRequest): LocalResponse | undefined => {
    const match = /^\/api\/complaints\/([^/]+)$/.exec(request.path);
    if (request.method !== 'GET' || match?.[1] === undefined) return undefined;
    const complaint = complaints.get(decodeURIComponent(match[1]));
    if (complaint === undefined || complaint.token !== request.query.get('token')) {
      return apiError(404, 'not_found', 'No such complaint', []);
    }
    return json(200, {
      reference: decodeURIComponent(match[1]),
      status: 'received',
      receivedAt: RECEIVED_AT,
      decideBy: DECIDE_BY,
      history: [
        { at: RECEIVED_AT, kind: 'received', text: `Complaint received: ${complaint.submission.subject}` },
      ],
    });
  };

  const answer = async (request: LocalRequest): Promise<LocalResponse> => {
    if (request.path === '/api/complaints') {
      return request.method === 'POST'
        ? submit(request)
        : apiError(405, 'method_not_allowed', 'Use POST', []);
    }
    return status(request) ?? (await web.fallback(request)) ?? apiError(404, 'not_found', 'No route', []);
  };

  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
      answer({
        method: incoming.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      })
        .catch(() => apiError(500, 'internal', 'Internal error', []))
        .then((response) => {
          outgoing.writeHead(response.status, response.headers);
          outgoing.end(response.body);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address !== 'object') throw new Error('test server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    posts,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

const activeId = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses Tab until the element has focus; fails if it is not reached within a few presses. */
const tabTo = async (page: Page, id: string, maxPresses: number): Promise<void> => {
  for (let press = 0; press < maxPresses; press += 1) {
    await page.keyboard.press('Tab');
    if ((await activeId(page)) === id) return;
  }
  throw new Error(
    `Tab did not reach #${id} within ${maxPresses} presses (focus is on #${await activeId(page)})`,
  );
};

const textOf = async (page: Page, selector: string): Promise<string> => {
  const locator = page.locator(selector);
  await locator.waitFor({ state: 'visible', ...WAIT });
  return (await locator.textContent()) ?? '';
};

/** Fills the minimum a named complaint needs, by selector (keyboard entry has its own test). */
const fillValidComplaint = async (page: Page, subject: string): Promise<void> => {
  await page.locator('#customer-name').waitFor(WAIT);
  await page.fill('#customer-name', 'Wang Fang');
  await page.fill('#customer-email', 'wang.fang@example.com');
  await page.fill('#subject', subject);
  await page.fill('#description', 'The branch charged a fee nobody told me about.');
  await page.check('#consent');
};

describe('public complaint pages', () => {
  let browser: Browser;
  let site: TestSite;

  beforeAll(async () => {
    site = await startTestSite();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  const openPage = async (locale: string, path = '/') => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // Script errors and CSP violations both surface here; a clean page has none.
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(`${site.url}${path}`);
    return { page, dialogs, problems, close: () => context.close() };
  };

  it('takes a complaint typed with the keyboard and shows the reference and the status link', async () => {
    site.posts.length = 0;
    const { page, problems, close } = await openPage('zh-CN');
    try {
      await page.locator('#customer-name').waitFor(WAIT);
      await tabTo(page, 'customer-name', 6);
      // The focused field must be visibly marked for someone who cannot see the caret.
      const outline = await page.evaluate(() => {
        const focused = document.activeElement;
        return focused === null ? '' : getComputedStyle(focused).outlineStyle;
      });
      expect(outline).toBe('solid');
      await page.keyboard.type('张三');
      await tabTo(page, 'customer-phone', 1);
      await page.keyboard.type('138 0013 8000');
      await tabTo(page, 'subject', 10);
      await page.keyboard.type('柜台转账手续费与告知不符');
      await tabTo(page, 'description', 1);
      await page.keyboard.type('11月20日在浦东支行办理转账，实际收取的手续费与柜员告知的不一致。');
      await tabTo(page, 'consent', 6);
      await page.keyboard.press('Space');
      await tabTo(page, 'submit', 1);
      await page.keyboard.press('Enter');

      const reference = await textOf(page, '#reference');
      expect(reference).toMatch(/^RD-20261123-\d{6}$/);
      expect(await activeId(page)).toBe('confirmation-title');
      const href = await page.locator('#status-link').getAttribute('href');
      expect(href).toMatch(new RegExp(`^${site.url}/status/${reference}\\?token=[0-9a-f-]{36}$`));
      expect(await textOf(page, '.confirmation .notice')).toContain('唯一凭证');

      expect(site.posts).toHaveLength(1);
      const [post] = site.posts;
      expect(post?.idempotencyKey).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(post?.body).toMatchObject({
        anonymous: false,
        language: 'zh-CN',
        consent: true,
        customer: { name: '张三', phone: '138 0013 8000' },
        subject: '柜台转账手续费与告知不符',
      });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows client-side errors next to the fields, in the current language, and sends nothing', async () => {
    site.posts.length = 0;
    const { page, close } = await openPage('zh-CN');
    try {
      await page.locator('#customer-name').waitFor(WAIT);
      await page.fill('#customer-name', '李四');
      await page.fill('#description', '网点排队两个小时无人处理。');
      await page.check('#consent');
      await page.focus('#subject');
      // Enter in a text field submits the form, as it does on any web form.
      await page.keyboard.press('Enter');

      expect(await textOf(page, '#subject-error')).toBe('请填写投诉事项。');
      expect(await textOf(page, '#contact-error')).toContain('请至少填写联系电话、电子邮箱、客户号中的一项');
      expect(await textOf(page, '#form-alert')).toContain('有 2 处需要修改');
      const subject = page.locator('#subject');
      expect(await subject.getAttribute('aria-invalid')).toBe('true');
      expect(await subject.getAttribute('aria-describedby')).toContain('subject-error');
      expect(await page.locator('#customer-email').getAttribute('aria-describedby')).toContain(
        'contact-error',
      );
      // The contact group comes first on the page, so its first field takes the focus.
      expect(await activeId(page)).toBe('customer-phone');

      await page.click('button[data-language="en"]');
      expect(await textOf(page, '#subject-error')).toBe('Enter a subject.');
      expect(site.posts).toHaveLength(0);
    } finally {
      await close();
    }
  });

  it('puts a field error from the server on the field it names', async () => {
    site.posts.length = 0;
    const { page, close } = await openPage('zh-CN');
    try {
      await fillValidComplaint(page, 'Card fee');
      await page.fill('#branch-code', UNKNOWN_BRANCH.toLowerCase());
      await page.click('#submit');

      const message = await textOf(page, '#branch-code-error');
      expect(message).toContain('所属网点');
      expect(message).toContain('is not a branch we know');
      expect(await page.locator('#branch-code').getAttribute('aria-invalid')).toBe('true');
      expect(await activeId(page)).toBe('branch-code');
      expect(site.posts).toHaveLength(1);
      expect(site.posts[0]?.body).toMatchObject({ branchCode: UNKNOWN_BRANCH });
    } finally {
      await close();
    }
  });

  it('relabels the form when the language is switched, and sends the language shown', async () => {
    site.posts.length = 0;
    const { page, close } = await openPage('zh-CN');
    try {
      const subjectLabel = page.locator('label[for="subject"]');
      await subjectLabel.waitFor(WAIT);
      expect(await subjectLabel.textContent()).toContain('投诉事项');
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');

      await page.click('button[data-language="en"]');
      expect(await subjectLabel.textContent()).toContain('Subject');
      expect(await page.locator('label[for="customer-phone"]').textContent()).toContain('Phone number');
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.getAttribute('button[data-language="en"]', 'aria-pressed')).toBe('true');

      await page.click('button[data-language="zh-CN"]');
      expect(await subjectLabel.textContent()).toContain('投诉事项');
      expect(await page.locator('label[for="customer-phone"]').textContent()).toContain('联系电话');

      await page.click('button[data-language="en"]');
      await fillValidComplaint(page, 'Fee not explained');
      await page.click('#submit');
      expect(await textOf(page, '.reference-label')).toBe('Your reference');
      expect(site.posts[0]?.body).toMatchObject({ language: 'en' });
    } finally {
      await close();
    }
  });

  it('sends an anonymous complaint without any personal details', async () => {
    site.posts.length = 0;
    const { page, close } = await openPage('zh-CN');
    try {
      await fillValidComplaint(page, '匿名反映网点违规操作');
      await page.check('#anonymous');
      await page.locator('#identity').waitFor({ state: 'hidden', ...WAIT });
      await page.click('#submit');
      await page.locator('#reference').waitFor(WAIT);
      expect(site.posts[0]?.body).toMatchObject({ anonymous: true, customer: {} });
    } finally {
      await close();
    }
  });

  it('starts in English for an English-speaking browser', async () => {
    const { page, close } = await openPage('en-GB');
    try {
      expect(await textOf(page, 'label[for="subject"]')).toContain('Subject');
      expect(await page.getAttribute('html', 'lang')).toBe('en');
    } finally {
      await close();
    }
  });

  it('shows what the customer wrote as text on the status page, in Beijing time', async () => {
    const { page, dialogs, problems, close } = await openPage('zh-CN');
    try {
      const hostile = '<img src=x onerror=alert(1)>';
      await fillValidComplaint(page, hostile);
      await page.click('#submit');
      await page.locator('#status-link').waitFor(WAIT);
      await page.click('#status-link');

      expect(await textOf(page, '#history .history-text')).toBe(`Complaint received: ${hostile}`);
      expect(await page.locator('main img').count()).toBe(0);
      expect(dialogs).toEqual([]);
      const summary = await textOf(page, '.status-summary');
      expect(summary).toContain('已收到，待登记');
      expect(summary).toContain('2026年11月23日 10:30');
      expect(summary).toContain('2026年12月8日 23:59');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says so kindly when the reference or token is not known', async () => {
    const { page, close } = await openPage('zh-CN', '/status/RD-20261123-000999?token=wrong');
    try {
      expect(await textOf(page, 'h1')).toBe('未找到该投诉');
      expect(await textOf(page, '#not-found')).toContain('完整链接');
    } finally {
      await close();
    }
  });
});
