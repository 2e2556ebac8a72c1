/// <reference lib="dom" />

import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CapturedMail } from '../../infra/local/mail-capture.js';
import type { Desk } from '../../shared/config/routing-rules.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import type { ContactDirectory } from '../../shared/notices/contact-directory.js';
import { composeNotice, type NoticeName } from '../../shared/notices/notice-table.js';
import type { CaseEffect } from '../../shared/schemas/case-effect-schema.js';
import { buildCase } from '../support/case-factory.js';
import { launchChromium, type OpenedPage, openPage, textOf, WAIT } from './support/browser-page.js';
import {
  CLEAN,
  hostile,
  hostileMix,
  injectionReport,
  PAYLOADS,
  unescapedMarkup,
} from './support/hostile-text.js';
import { mailAbout, startWebRuntime, type WebRuntime } from './support/web-runtime.js';

/**
 * Stored XSS, end to end: hostile words go in through the public API, the complaints mailbox and
 * staff actions, and must come out as text wherever they are shown (console list and case page),
 * not at all where the customer's words are never shown (status page, customer notices), and
 * escaped in every e-mail the notice table composes.
 */

const acceptedSchema = z.object({ reference: z.string(), trackingToken: z.string() });
const STATUS_LINK = /\/status\/(RD-\d{8}-[2-9A-Z]{6})\?token=([A-Za-z0-9_-]{43})/;

/** Customer-written fields of the API complaints; every value carries its own marker. */
const customerFields = (suffix: string) => ({
  name: hostileMix(`NAME-${suffix}`, 'img', 'rtl', 'chinese'),
  subject: hostileMix(`SUBJECT-${suffix}`, 'img', 'script', 'svg', 'textarea', 'zeroWidth', 'chinese'),
  product: hostileMix(`PRODUCT-${suffix}`, 'svg', 'jsLink'),
  description: hostile(`DESCRIPTION-${suffix}`),
  desiredOutcome: hostile(`OUTCOME-${suffix}`),
});

/** Staff-written texts on case A, by the action that carries them. */
const STAFF_A = {
  note: hostile('NOTE-A'),
  transfer: hostile('TRANSFER-A'),
  pause: hostile('PAUSE-A'),
  resume: hostile('RESUME-A'),
  extend: hostile('EXTEND-A'),
  remedy: hostile('REMEDY-A'),
  // Blank lines split a letter into paragraphs; the payloads must survive each split.
  letter: `${hostile('LETTER-A')}\n\n${PAYLOADS.script}\n${PAYLOADS.jsLink}`,
  review: hostile('REVIEW-A'),
  reviewLetter: `${hostile('REVIEW-LETTER-A')}\n\n${PAYLOADS.img}`,
};

/** Markers of what customers wrote: no customer notice may carry any of them. */
const CUSTOMER_MARKERS = [
  'NAME-',
  'SUBJECT-',
  'PRODUCT-',
  'DESCRIPTION-',
  'OUTCOME-',
  'BODY-',
  'REPLY-',
  'EXTREF-',
];

/** Customer notices: the rest of the notice table goes to staff. */
const CUSTOMER_NOTICES: readonly string[] = [
  'acknowledgement',
  'extension',
  'pause',
  'resume',
  'decision',
  'review_received',
  'review_decision',
];

/** The notices the runtime sends while the test drives its cases. */
const DRIVEN_NOTICES = [
  'acknowledgement',
  'extension',
  'pause',
  'resume',
  'decision',
  'review_received',
  'review_decision',
  'decision_reminder',
  'decision_breach',
  'escalate',
];

// Whitespace is laid out by CSS, so compare text with runs of white space as one space.
const squeezed = (text: string): string => text.replace(/\s+/g, ' ').trim();

const expectShown = (shown: string, written: string | undefined): void => {
  expect(written, 'a value the test wrote').toBeDefined();
  expect(squeezed(shown)).toContain(squeezed(written ?? ''));
};

const customerMarkersIn = (text: string): string[] =>
  CUSTOMER_MARKERS.filter((marker) => text.includes(marker));

/** The notice a captured mail is, by the bank's own title in its subject. */
const noticeTitles: Readonly<Record<string, string>> = {
  acknowledgement: '投诉受理通知',
  extension: '延期答复通知',
  pause: '暂停计时通知',
  resume: '恢复办理通知',
  decision: '投诉处理结果通知',
  decision_reminder: '督办提醒',
  decision_breach: '投诉答复超时',
  escalate: '投诉逐级上报',
  review_received: '核查申请受理通知',
  review_decision: '核查结果通知',
};

const noticeOf = (mail: CapturedMail): string =>
  Object.entries(noticeTitles).find(([, title]) => mail.subject.includes(title))?.[0] ?? 'unknown';

describe('hostile payloads in everything a customer or staff member writes', () => {
  let browser: Browser;
  let site: WebRuntime;
  let smtp: ReturnType<typeof nodemailer.createTransport>;
  const fieldsA = customerFields('A');
  const fieldsB = customerFields('B');
  const cases: { a: string; b: string; c: string } = { a: '', b: '', c: '' };
  const tokens: Record<string, string> = {};
  const emailC = {
    name: hostileMix('NAME-C', 'img', 'svg', 'chinese'),
    subject: hostileMix('SUBJECT-C', 'img', 'script', 'svg', 'textarea', 'rtl', 'chinese'),
    body: hostile('BODY-C'),
    reply: hostile('REPLY-C'),
  };

  beforeAll(async () => {
    site = await startWebRuntime();
    browser = await launchChromium();
    smtp = nodemailer.createTransport({
      host: '127.0.0.1',
      port: site.runtime.smtp.port,
      secure: false,
      ignoreTLS: true,
    });
  });

  afterAll(async () => {
    smtp?.close();
    await browser?.close();
    await site?.stop();
  });

  const submit = async (body: object): Promise<string> => {
    const response = await fetch(`${site.url}/api/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    expect(response.status, text).toBe(202);
    const accepted = acceptedSchema.parse(JSON.parse(text));
    tokens[accepted.reference] = accepted.trackingToken;
    return accepted.reference;
  };

  const act = async (
    reference: string,
    action: Record<string, unknown>,
    user = 'handler-BJ-001',
  ): Promise<void> => {
    const response = await fetch(`${site.url}/api/cases/${reference}/actions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${site.runtime.tokenFor(user)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(action),
    });
    expect(response.status, `${String(action.type)}: ${await response.text()}`).toBe(200);
  };

  /** Runs `check` on a fresh page, then asserts nothing ran, popped up or was injected. */
  const onPage = async (url: string, root: string, check: (opened: OpenedPage) => Promise<void>) => {
    const opened = await openPage(browser, 'zh-CN', url);
    try {
      await check(opened);
      expect(await injectionReport(opened.page, root), url).toEqual(CLEAN);
      expect(opened.dialogs, url).toEqual([]);
      expect(opened.problems, url).toEqual([]);
    } finally {
      await opened.close();
    }
  };

  it('takes hostile complaints by API and e-mail, and hostile staff text, and keeps every word as written', async () => {
    const { name, ...restA } = fieldsA;
    cases.a = await submit({
      customer: { name, email: 'hostile.a@example.com' },
      anonymous: false,
      branchCode: 'BJ-001',
      ...restA,
      language: 'zh-CN',
      consent: true,
    });
    const { name: nameB, ...restB } = fieldsB;
    cases.b = await submit({
      customer: { name: nameB, email: 'hostile.b@example.com' },
      anonymous: false,
      branchCode: 'SH-002',
      ...restB,
      language: 'en',
      consent: true,
    });

    await smtp.sendMail({
      from: { name: emailC.name, address: 'hostile.c@example.com' },
      to: site.runtime.smtp.complaintsAddress,
      subject: emailC.subject,
      text: emailC.body,
    });
    await site.runtime.settle(30_000);

    const mails = await site.mail();
    const acknowledgementC = mails.find((mail) => mail.to.includes('hostile.c@example.com'));
    const linkC = STATUS_LINK.exec(acknowledgementC?.text ?? '');
    expect(linkC, 'a status link in the acknowledgement of the mailed complaint').not.toBeNull();
    cases.c = linkC?.[1] ?? '';
    tokens[cases.c] = linkC?.[2] ?? '';
    // A reply to the acknowledgement is a message on the same case, with its own hostile words.
    await smtp.sendMail({
      from: 'hostile.c@example.com',
      to: site.runtime.smtp.complaintsAddress,
      subject: `Re: ${acknowledgementC?.subject ?? ''}`,
      inReplyTo: acknowledgementC?.messageId ?? '',
      references: [acknowledgementC?.messageId ?? ''],
      text: emailC.reply,
    });

    await act(cases.a, { type: 'start_work' });
    await act(cases.a, { type: 'note', text: STAFF_A.note });
    await act(cases.a, { type: 'transfer', to: 'retail-payments', note: STAFF_A.transfer });
    await act(cases.a, { type: 'pause', reason: STAFF_A.pause });
    await act(cases.a, { type: 'resume', reason: STAFF_A.resume });
    await act(cases.a, { type: 'extend', reason: STAFF_A.extend });
    await act(cases.a, {
      type: 'resolve',
      decision: 'partly_upheld',
      atFault: 'yes',
      remedy: STAFF_A.remedy,
      compensation: { amount: '20', currency: 'CNY' },
      letter: STAFF_A.letter,
    });
    // The customer asks for a review by phone; the superior's answer is a letter to the customer.
    await act(cases.a, { type: 'request_review', reason: STAFF_A.review }, 'head-BJ-001');
    await act(
      cases.a,
      { type: 'decide_review', outcome: 'confirmed', letter: STAFF_A.reviewLetter },
      'head-BJ-001',
    );
    await site.runtime.settle(30_000);

    // Stored as written: escaping is the job of whatever shows the words, not of intake.
    expect(await site.runtime.store.get(cases.a)).toMatchObject({
      customer: { name: fieldsA.name },
      subject: fieldsA.subject,
      description: fieldsA.description,
      desiredOutcome: fieldsA.desiredOutcome,
      product: fieldsA.product,
    });
    const storedC = await site.runtime.store.get(cases.c);
    expect(storedC?.channel).toBe('email');
    for (const text of [storedC?.customer.name, storedC?.subject, storedC?.description]) {
      expect(text).toContain(PAYLOADS.img);
    }
    const replies = (await site.runtime.store.listEvents(cases.c)).filter(
      (event) => event.kind === 'case.customer_message' && event.data?.text !== undefined,
    );
    expect(replies.map((event) => event.data?.text)).toEqual([emailC.reply]);
  }, 60_000);

  it('shows hostile words as plain text in the staff console list and on each case page', async () => {
    await onPage(`${site.url}/console`, 'main', async ({ page }) => {
      await page.locator('#sign-in-user').waitFor(WAIT);
      await page.selectOption('#sign-in-user', 'cpo');
      await page.click('#sign-in');
      expect(await textOf(page, '#signed-in-user')).toContain('cpo');

      for (const [reference, subject, name] of [
        [cases.a, fieldsA.subject, fieldsA.name],
        [cases.b, fieldsB.subject, fieldsB.name],
      ] as const) {
        const row = page.locator(`#case-rows tr[data-reference="${reference}"]`);
        await row.waitFor(WAIT);
        expect(await row.locator('.subject').textContent()).toBe(subject);
        expectShown(await row.innerText(), name);
      }
      const rowC = page.locator(`#case-rows tr[data-reference="${cases.c}"]`);
      await rowC.waitFor(WAIT);
      expectShown(await rowC.innerText(), PAYLOADS.img);
      expect(await injectionReport(page, 'main')).toEqual(CLEAN);

      const storedC = await site.runtime.store.get(cases.c);
      const expected: Record<string, (string | undefined)[]> = {
        // The console shows neither a resume reason (the API drops it) nor the letter (it is mailed).
        [cases.a]: [
          ...Object.values(fieldsA),
          STAFF_A.note,
          STAFF_A.transfer,
          STAFF_A.pause,
          STAFF_A.extend,
          STAFF_A.remedy,
          STAFF_A.review,
          STAFF_A.reviewLetter,
        ],
        [cases.b]: Object.values(fieldsB),
        [cases.c]: [storedC?.customer.name, storedC?.subject, storedC?.description, emailC.reply],
      };
      for (const [reference, written] of Object.entries(expected)) {
        await page.goto(`${site.url}/console/cases/${reference}`);
        await page.locator('#timeline li').first().waitFor(WAIT);
        const shown = await page.locator('main').innerText();
        for (const text of written) expectShown(shown, text);
        // What a reader sees: the characters of the markup, with no element made from them.
        expect(shown).toContain(PAYLOADS.img);
        expect(shown).toContain(PAYLOADS.svg);
        expect(await injectionReport(page, 'main'), reference).toEqual(CLEAN);
      }
    });
  }, 60_000);

  it('runs nothing on the customer status pages and shows none of the words written there', async () => {
    for (const reference of [cases.a, cases.b, cases.c]) {
      const token = tokens[reference] ?? '';
      await onPage(`${site.url}/status/${reference}?token=${token}`, 'main', async ({ page }) => {
        await page.locator('#history li').first().waitFor(WAIT);
        expect(await textOf(page, '.reference-value')).toBe(reference);
        // The status page tells the bank's own history; what anyone wrote stays off it.
        const shown = await page.locator('main').innerText();
        expect(shown).not.toContain('__pwned');
        expect(customerMarkersIn(shown)).toEqual([]);
      });
    }
  }, 60_000);

  it('escapes hostile words in every mail the runtime sent, and never echoes the customer to them', async () => {
    // Past every deadline of the open cases: reminders, breaches and escalations to staff.
    const advanced = await fetch(`${site.url}/_local/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance: 'P16D' }),
    });
    expect(advanced.status).toBe(200);
    const deadline = Date.now() + 30_000;
    let mails: CapturedMail[] = [];
    while (Date.now() < deadline) {
      await site.runtime.settle(10_000);
      mails = await site.mail();
      const aboutB = mailAbout(mails, cases.b).map(noticeOf);
      if (['decision_reminder', 'decision_breach', 'escalate'].every((n) => aboutB.includes(n))) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    const sent = [cases.a, cases.b, cases.c].flatMap((reference) =>
      mailAbout(mails, reference).map((mail) => ({ reference, notice: noticeOf(mail), mail })),
    );
    const names = new Set(sent.map((entry) => entry.notice));
    for (const notice of DRIVEN_NOTICES) expect(names, notice).toContain(notice);

    for (const { reference, notice, mail } of sent) {
      const where = `${notice} about ${reference}`;
      expect(unescapedMarkup(mail.html), where).toEqual([]);
      if (CUSTOMER_NOTICES.includes(notice)) {
        expect(customerMarkersIn(`${mail.subject}\n${mail.text}\n${mail.html}`), where).toEqual([]);
      }
    }

    // The decision quotes staff text full of payloads: the customer reads it, nothing runs.
    const decision = sent.find((entry) => entry.notice === 'decision')?.mail;
    expect(decision?.html).toContain('&lt;img src=x onerror=window.__pwned=1&gt;');
    await onPage('about:blank', 'body', async ({ page }) => {
      await page.setContent(decision?.html ?? '', { waitUntil: 'load' });
      const shown = await page.locator('body').innerText();
      expectShown(shown, STAFF_A.remedy.replace(/[\u202A-\u202E\u2066-\u2069]/g, ''));
      expect(shown).toContain(PAYLOADS.script);
      expect(shown).toContain(PAYLOADS.textarea);
    });
  }, 60_000);

  it('composes every notice in the table for a hostile case with nothing unescaped or echoed', async () => {
    const desk: Desk = {
      id: 'desk:BJ-001',
      name: { 'zh-CN': '北京分行营业部', en: 'Beijing Main Branch' },
      email: 'duty.bj001@bank.example',
    };
    const contacts: ContactDirectory = {
      deskFor: async () => desk,
      addressesFor: async () => ['branch.head@bank.example'],
    };
    const hostileCase = buildCase({
      customer: { name: hostileMix('NAME-U', 'img', 'svg'), email: 'hostile.u@example.com' },
      subject: hostileMix('SUBJECT-U', 'img', 'script', 'svg', 'textarea', 'rtl', 'chinese'),
      description: hostile('DESCRIPTION-U'),
      desiredOutcome: hostile('OUTCOME-U'),
      product: hostileMix('PRODUCT-U', 'svg', 'jsLink'),
      externalReference: hostileMix('EXTREF-U', 'img'),
      // Free text staff typed into an action form ends up in these too.
      handler: hostileMix('HANDLER-U', 'img'),
      assignedUnit: hostileMix('UNIT-U', 'svg'),
      flags: [],
    });
    const times = { dueAt: '2025-03-18T01:30:00.000Z', deadline: '2025-03-18T01:30:00.000Z' };
    // Keyed by every NoticeName, so a notice added to the table without a case here fails to compile.
    const effects = {
      acknowledgement: { kind: 'acknowledgement' },
      extension: {
        kind: 'customer_notice',
        notice: {
          type: 'extension',
          previousDecideBy: '2025-03-18T01:30:00.000Z',
          newDecideBy: '2025-04-17T01:30:00.000Z',
          reason: hostile('EXTEND-U'),
          step: 2,
          approvedBy: hostileMix('APPROVER-U', 'img'),
        },
      },
      pause: {
        kind: 'customer_notice',
        notice: { type: 'pause', reason: hostile('PAUSE-U'), startedAt: '2025-03-05T00:00:00.000Z' },
      },
      resume: {
        kind: 'customer_notice',
        notice: {
          type: 'resume',
          resumedAt: '2025-03-06T00:00:00.000Z',
          newDecideBy: '2025-03-19T01:30:00.000Z',
        },
      },
      decision: {
        kind: 'customer_notice',
        notice: {
          type: 'decision',
          decision: 'rejected',
          remedy: hostile('REMEDY-U'),
          compensation: { amount: '120.00', currency: 'CNY' },
          letter: `${hostile('LETTER-U')}\n\n${PAYLOADS.jsLink}`,
          reviewRequestBy: '2025-04-09T06:00:00.000Z',
        },
      },
      review_received: {
        kind: 'customer_notice',
        notice: {
          type: 'review_received',
          requestedAt: '2025-03-12T00:00:00.000Z',
          reviewDecideBy: '2025-04-11T00:00:00.000Z',
        },
      },
      review_decision: {
        kind: 'customer_notice',
        notice: {
          type: 'review_decision',
          outcome: 'revised',
          decision: 'upheld',
          remedy: hostile('REVIEW-REMEDY-U'),
          compensation: { amount: '200', currency: 'CNY' },
          letter: `${hostile('REVIEW-LETTER-U')}\n\n${PAYLOADS.svg}`,
        },
      },
      acknowledgement_overdue: { kind: 'sla_notice', action: { kind: 'acknowledgement_overdue', ...times } },
      decision_reminder: { kind: 'sla_notice', action: { kind: 'decision_reminder', ...times } },
      decision_breach: { kind: 'sla_notice', action: { kind: 'decision_breach', ...times } },
      escalate: {
        kind: 'sla_notice',
        action: {
          kind: 'escalate',
          toLevel: 1,
          role: 'branch_head',
          trigger: 'decision_deadline',
          ...times,
        },
      },
    } satisfies Record<NoticeName, Exclude<CaseEffect, { kind: 'start_watch' }>>;

    const context = {
      contacts,
      ladder: defaultEscalationLadder,
      timeZone: 'Asia/Shanghai',
      publicBaseUrl: 'https://complaints.bank.example',
      complaintsAddress: 'complaints@bank.example',
      now: new Date('2025-03-20T00:00:00.000Z'),
      trackingToken: 'A'.repeat(43),
    };
    const htmlBodies: string[] = [];
    for (const [name, effect] of Object.entries(effects)) {
      const composed = await composeNotice(hostileCase, effect, context);
      expect(composed?.notice, name).toBe(name);
      const mail = composed?.mail;
      expect(mail, name).toBeDefined();
      const { subject = '', text = '', html = '' } = mail ?? {};
      htmlBodies.push(html);
      expect(unescapedMarkup(html), name).toEqual([]);
      expect(subject, name).not.toMatch(/[\r\n\u202A-\u202E]/);
      if (CUSTOMER_NOTICES.includes(name)) {
        // Customer notices say nothing the customer wrote, nor who approved inside the bank.
        expect(customerMarkersIn(`${subject}\n${text}\n${html}`), name).toEqual([]);
        expect(`${text}\n${html}`, name).not.toContain('APPROVER-U');
      } else {
        // Staff notices quote the subject on one line, escaped, and none of the rest.
        expect(text, name).toContain('SUBJECT-U <img src=x onerror=window.__pwned=1>');
        expect(html, name).toContain('SUBJECT-U &lt;img src=x onerror=window.__pwned=1&gt;');
        expect(`${text}\n${html}`, name).not.toMatch(/DESCRIPTION-U|OUTCOME-U|NAME-U|PRODUCT-U|EXTREF-U/);
      }
    }

    // Every composed body, opened as a mail client would show it: nothing runs.
    await onPage('about:blank', 'body', async ({ page }) => {
      for (const html of htmlBodies) {
        await page.setContent(html, { waitUntil: 'load' });
        expect(await injectionReport(page, 'body')).toEqual(CLEAN);
      }
    });
  }, 30_000);
});
