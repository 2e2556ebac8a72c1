/// <reference lib="dom" />

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, textOf, WAIT } from './support/browser-page.js';
import { mailAbout, startWebRuntime, type WebRuntime } from './support/web-runtime.js';

const REFERENCE = /^RD-\d{8}-[2-9A-Z]{6}$/;
const HOSTILE = '<img src=x onerror=alert(1)>';

/** Opens one action's form on the case page, fills it and sends it. */
const act = async (page: Page, type: string, fill: Record<string, string>): Promise<void> => {
  await page.click(`#action-${type}-toggle`);
  for (const [name, value] of Object.entries(fill)) {
    const selector = `#action-${type}-${name}`;
    const tag = await page.locator(selector).evaluate((element) => element.tagName);
    if (tag === 'SELECT') await page.selectOption(selector, value);
    else await page.fill(selector, value);
  }
  await page.click(`#action-${type}-submit`);
};

/** Waits until the reloaded case page shows an event of this kind; names what it shows instead. */
const waitForEvent = async (page: Page, kind: string): Promise<void> => {
  try {
    await page.locator(`#timeline li[data-kind="${kind}"]`).first().waitFor(WAIT);
  } catch (error) {
    const kinds = await page
      .locator('#timeline li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
    const alerts = await page.locator('.form-alert:not(:empty)').allTextContents();
    throw new Error(`no ${kind} event; timeline: ${kinds.join(', ')}; alerts: ${alerts.join(' | ')}`, {
      cause: error,
    });
  }
};

describe('staff console on the local runtime', () => {
  let browser: Browser;
  let site: WebRuntime;

  beforeAll(async () => {
    site = await startWebRuntime();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('signs in, registers a hotline complaint, transfers, extends and decides it, and mails the decision', async () => {
    const { page, dialogs, problems, close } = await openPage(browser, 'zh-CN', `${site.url}/console`);
    try {
      // Sign in as a branch handler.
      await page.locator('#sign-in-user').waitFor(WAIT);
      await page.selectOption('#sign-in-user', 'handler-BJ-001');
      await page.click('#sign-in');
      expect(await textOf(page, '#signed-in-user')).toContain('handler-BJ-001');
      const stored = await page.evaluate(() => window.sessionStorage.getItem('redress.console.session'));
      expect(stored).toContain('handler-BJ-001');

      // Register a complaint taken on the hotline.
      await page.click('#nav-register');
      await page.locator('#register-channel').waitFor(WAIT);
      expect(await page.inputValue('#register-channel')).toBe('hotline');
      expect(await page.inputValue('#register-received-at')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      expect(await page.inputValue('#register-branch')).toBe('BJ-001');
      await page.fill('#register-external-reference', 'HOTLINE-95533-0001');
      await page.fill('#register-name', '李四');
      await page.fill('#register-phone', '139 0013 9000');
      await page.fill('#register-email', 'li.si@example.com');
      await page.fill('#register-subject', `转账到账延迟 ${HOSTILE}`);
      await page.fill('#register-description', '客户来电反映跨行转账三天未到账。');
      await page.click('#register-submit');

      await Promise.race([
        page.waitForURL(/\/console\/cases\/RD-/, WAIT),
        page
          .locator('#register-alert:not(:empty)')
          .waitFor(WAIT)
          .then(async () => {
            throw new Error(`registration refused: ${await page.locator('#register-alert').textContent()}`);
          }),
      ]);
      const reference = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
      expect(reference).toMatch(REFERENCE);
      await site.runtime.settle();
      await page.reload();
      await page.locator('#case-facts').waitFor(WAIT);
      // What the customer said is shown as text, never as markup.
      expect(await page.locator('#case-facts').textContent()).toContain(HOSTILE);
      expect(await page.locator('#case-facts img').count()).toBe(0);
      expect(await page.locator('#case-facts').textContent()).toContain('HOTLINE-95533-0001');
      await waitForEvent(page, 'case.registered');

      // The case shows up in the list with its countdown. The browser's timers run on a clock the
      // test moves, so the countdown is seen to tick without waiting for it.
      await page.clock.install();
      await page.goto(`${site.url}/console`);
      const row = page.locator(`#case-rows tr[data-reference="${reference}"]`);
      await row.waitFor(WAIT);
      expect(await row.locator('.subject').textContent()).toBe(`转账到账延迟 ${HOSTILE}`);
      const first = await row.locator('.countdown').textContent();
      await page.clock.runFor(2_000);
      expect(await row.locator('.countdown').textContent()).not.toBe(first);
      await row.locator('a').click();
      await page.locator('#case-facts').waitFor(WAIT);

      await act(page, 'transfer', { to: 'retail-payments', note: '转个人结算部核查跨行清算记录' });
      await waitForEvent(page, 'case.transferred');

      await act(page, 'extend', { reason: '需向清算机构调取记录，情况复杂' });
      await waitForEvent(page, 'clock.extended');

      await act(page, 'resolve', {
        decision: 'upheld',
        atFault: 'yes',
        remedy: '退还手续费并致歉',
        amount: '20',
        letter: '经核查，延迟系我行清算操作失误所致，已退还手续费。',
      });
      await waitForEvent(page, 'case.resolved');
      expect(await page.locator('#case-facts .status-badge').textContent()).toBe('已答复');

      // An illegal move is refused in place with the API's reason.
      await act(page, 'pause', { reason: '外部鉴定' });
      await page.locator('#action-pause-alert:not(:empty)').waitFor(WAIT);

      await site.runtime.settle();
      const mails = mailAbout(await site.mail(), reference);
      const decision = mails.find((mail) => mail.subject.includes('投诉处理结果通知'));
      expect(decision?.to).toEqual(['li.si@example.com']);
      expect(decision?.text).toContain('退还手续费并致歉');

      // The local mailbox page itself serves the same captured mail.
      const mailbox = await page.request.get(`${site.url}/_local/mail`);
      expect(await mailbox.text()).toContain(reference);

      await page.click('#sign-out');
      await page.locator('#sign-in-user').waitFor(WAIT);
      expect(dialogs).toEqual([]);
      expect(problems.filter((problem) => !problem.includes('409'))).toEqual([]);
    } finally {
      await close();
    }
  }, 90_000);
});
