/// <reference lib="dom" />

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeId,
  beijingDateDigits,
  beijingTimeZh,
  launchChromium,
  openPage,
  tabTo,
  textOf,
  WAIT,
} from './support/browser-page.js';
import { mailAbout, startWebRuntime, type WebRuntime } from './support/web-runtime.js';

const REFERENCE = /^RD-\d{8}-[2-9A-Z]{6}$/;
const TOKEN = '[A-Za-z0-9_-]{43}';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const HOSTILE = '<img src=x onerror=alert(1)>';

/** What the Chinese status page says of a registered and acknowledged complaint, oldest first. */
const REGISTERED_HISTORY_ZH = [
  '我们已收到您的投诉。',
  '您的投诉已登记受理，并已指定专人负责。',
  '我们已向您发送受理通知。',
];

/** Fills the minimum a named complaint needs, by selector (keyboard entry has its own test). */
const fillValidComplaint = async (page: Page, subject: string, description?: string): Promise<void> => {
  await page.locator('#customer-name').waitFor(WAIT);
  await page.fill('#customer-name', 'Wang Fang');
  await page.fill('#customer-email', 'wang.fang@example.com');
  await page.fill('#subject', subject);
  await page.fill('#description', description ?? 'The branch charged a fee nobody told me about.');
  await page.check('#consent');
};

/** The reference shown after a successful submission. */
const shownReference = async (page: Page): Promise<string> => {
  const reference = await textOf(page, '#reference');
  expect(reference).toMatch(REFERENCE);
  return reference;
};

const historyTexts = (page: Page): Promise<string[]> =>
  page.locator('#history .history-text').allTextContents();

describe('public complaint pages on the local runtime', () => {
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

  const open = (locale: string, path = '/') => openPage(browser, locale, `${site.url}${path}`);

  it('takes a complaint typed in Chinese, acknowledges it by e-mail and shows it registered', async () => {
    const { page, problems, sentComplaints, close } = await open('zh-CN');
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
      await tabTo(page, 'customer-email', 1);
      await page.keyboard.type('zhang.san@example.com');
      await tabTo(page, 'subject', 10);
      await page.keyboard.type('柜台转账手续费与告知不符');
      await tabTo(page, 'description', 1);
      await page.keyboard.type('11月20日在浦东支行办理转账，实际收取的手续费与柜员告知的不一致。');
      await tabTo(page, 'consent', 6);
      await page.keyboard.press('Space');
      await tabTo(page, 'submit', 1);
      await page.keyboard.press('Enter');

      const reference = await shownReference(page);
      expect(await activeId(page)).toBe('confirmation-title');
      const href = (await page.locator('#status-link').getAttribute('href')) ?? '';
      expect(href).toMatch(new RegExp(`^${site.url}/status/${reference}\\?token=${TOKEN}$`));
      expect(await textOf(page, '.confirmation .notice')).toContain('唯一凭证');

      const sent = await sentComplaints();
      expect(sent).toHaveLength(1);
      expect(sent[0]?.idempotencyKey).toMatch(UUID_V4);
      expect(sent[0]?.body).toMatchObject({
        anonymous: false,
        language: 'zh-CN',
        consent: true,
        customer: { name: '张三', phone: '138 0013 8000', email: 'zhang.san@example.com' },
        subject: '柜台转账手续费与告知不符',
      });

      // The intake worker registers the complaint and sends the acknowledgement.
      await site.runtime.settle();
      const stored = await site.runtime.store.get(reference);
      expect(stored).toMatchObject({
        status: 'registered',
        channel: 'web',
        language: 'zh-CN',
        customer: { name: '张三', phone: '138 0013 8000', email: 'zhang.san@example.com' },
        subject: '柜台转账手续费与告知不符',
      });
      const receivedAt = stored?.receivedAt ?? '';
      const decideBy = stored?.deadlines?.decideBy ?? '';
      expect(reference.slice(3, 11)).toBe(beijingDateDigits(receivedAt));
      const kinds = (await site.runtime.store.listEvents(reference)).map((event) => event.kind);
      expect(kinds).toEqual(
        expect.arrayContaining(['case.received', 'case.registered', 'case.acknowledged']),
      );

      const acknowledgements = mailAbout(await site.mail(), reference);
      expect(acknowledgements).toHaveLength(1);
      const [acknowledgement] = acknowledgements;
      expect(acknowledgement?.to).toEqual(['zhang.san@example.com']);
      expect(acknowledgement?.subject).toContain(`[${reference}]`);
      // The e-mail carries the same status link (path and token) as the confirmation page.
      expect(acknowledgement?.text).toContain(href.slice(site.url.length));

      await page.click('#status-link');
      await page.waitForURL(href, WAIT);
      expect(await textOf(page, '.status-badge')).toBe('已登记受理');
      expect(await textOf(page, '.reference-value')).toBe(reference);
      const summary = await textOf(page, '.status-summary');
      expect(summary).toContain(beijingTimeZh(receivedAt));
      expect(summary).toContain(beijingTimeZh(decideBy));
      await page.locator('#history li').first().waitFor(WAIT);
      expect(await historyTexts(page)).toEqual(REGISTERED_HISTORY_ZH);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows client-side errors next to the fields, in the current language, and sends nothing', async () => {
    const { page, sentComplaints, close } = await open('zh-CN');
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
      expect(await sentComplaints()).toHaveLength(0);
    } finally {
      await close();
    }
  });

  it('puts a field error only the server checks on the field it names', async () => {
    const { page, sentComplaints, close } = await open('zh-CN');
    try {
      await fillValidComplaint(page, 'Card fee');
      // The schema accepts any date; only the intake handler refuses one in the future.
      const future = new Date(site.runtime.clock.now().getTime() + 3 * 24 * 3600 * 1000);
      const occurredAt = future.toISOString().slice(0, 10);
      await page.fill('#occurred-at', occurredAt);
      await page.click('#submit');

      const message = await textOf(page, '#occurred-at-error');
      expect(message).toContain('发生日期');
      expect(message).toContain('must not be in the future');
      expect(await page.locator('#occurred-at').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#occurred-at').getAttribute('aria-describedby')).toContain(
        'occurred-at-error',
      );
      expect(await activeId(page)).toBe('occurred-at');
      expect(await textOf(page, '#form-alert')).toContain('有 1 处需要修改');
      expect(await page.locator('#reference').count()).toBe(0);
      const sent = await sentComplaints();
      expect(sent).toHaveLength(1);
      expect(sent[0]?.body).toMatchObject({ occurredAt });
    } finally {
      await close();
    }
  });

  it('relabels the form when the language is switched, and sends the language shown', async () => {
    const { page, sentComplaints, close } = await open('zh-CN');
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
      // A branch code the bank does not know is accepted, in capitals, and routed centrally.
      await page.fill('#branch-code', 'xx-00');
      await page.click('#submit');
      expect(await textOf(page, '.reference-label')).toBe('Your reference');
      const reference = await shownReference(page);
      const sent = await sentComplaints();
      expect(sent[0]?.body).toMatchObject({ language: 'en', branchCode: 'XX-00' });

      await site.runtime.settle();
      expect(await site.runtime.store.get(reference)).toMatchObject({
        language: 'en',
        branchCode: 'XX-00',
        status: 'registered',
        firstResponder: 'desk:consumer-protection',
      });
    } finally {
      await close();
    }
  });

  it('sends an anonymous complaint without any personal details', async () => {
    const { page, sentComplaints, close } = await open('zh-CN');
    try {
      await fillValidComplaint(page, '匿名反映网点违规操作');
      await page.check('#anonymous');
      await page.locator('#identity').waitFor({ state: 'hidden', ...WAIT });
      await page.click('#submit');
      const reference = await shownReference(page);
      const sent = await sentComplaints();
      expect(sent[0]?.body).toMatchObject({ anonymous: true, customer: {} });

      await site.runtime.settle();
      const stored = await site.runtime.store.get(reference);
      expect(stored).toMatchObject({ anonymous: true, status: 'registered' });
      expect(stored?.customer).toEqual({});
      // With no address there is no one to acknowledge by e-mail.
      expect(mailAbout(await site.mail(), reference)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('starts in English for an English-speaking browser', async () => {
    const { page, close } = await open('en-GB');
    try {
      expect(await textOf(page, 'label[for="subject"]')).toContain('Subject');
      expect(await page.getAttribute('html', 'lang')).toBe('en');
    } finally {
      await close();
    }
  });

  it('never runs markup the customer typed, on the status page or in the acknowledgement', async () => {
    const { page, dialogs, problems, close } = await open('zh-CN');
    try {
      await fillValidComplaint(page, `Fee ${HOSTILE}`, `They charged me. ${HOSTILE}`);
      await page.click('#submit');
      const reference = await shownReference(page);
      const href = (await page.locator('#status-link').getAttribute('href')) ?? '';

      await site.runtime.settle();
      const stored = await site.runtime.store.get(reference);
      expect(stored?.subject).toBe(`Fee ${HOSTILE}`);
      expect(stored?.description).toBe(`They charged me. ${HOSTILE}`);
      const acknowledgements = mailAbout(await site.mail(), reference);
      expect(acknowledgements).toHaveLength(1);
      const html = acknowledgements[0]?.html ?? '';
      // The acknowledgement quotes nothing the customer typed, escaped or not: the words stay on
      // the status page behind the token.
      expect(html).not.toContain('<img');
      expect(html).not.toContain('onerror');
      expect(acknowledgements[0]?.text ?? '').not.toContain('onerror');

      await page.click('#status-link');
      await page.waitForURL(href, WAIT);
      await page.locator('#history li').first().waitFor(WAIT);
      // The status page shows the bank's own history texts; what the customer wrote is not on it.
      expect(await historyTexts(page)).toEqual(REGISTERED_HISTORY_ZH);
      const mainText = (await page.locator('main').textContent()) ?? '';
      expect(mainText).not.toContain('onerror');
      expect(mainText).not.toContain('They charged me');
      expect(await page.locator('img').count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says so kindly when the reference or token is not known', async () => {
    const { page, close } = await open('zh-CN', '/status/RD-20261123-XXXXXX?token=wrong');
    try {
      // The page says "loading" under its usual title first; the notice replaces both.
      expect(await textOf(page, '#not-found')).toContain('完整链接');
      expect(await textOf(page, 'h1')).toBe('未找到该投诉');
    } finally {
      await close();
    }
  });
});
