import { describe, expect, it } from 'vitest';
import type { ComplaintCase } from '../../shared/domain/case/case-types.js';
import { defaultEscalationLadder } from '../../shared/domain/escalation/escalation-ladder.js';
import type { SlaAction } from '../../shared/domain/sla/sla-types.js';
import { formatLateness, slaNotice } from '../../shared/templates/sla-notices.js';
import { receivedCase } from './support/case-fixtures.js';

const acknowledgeBy = '2025-03-04T15:59:59.999Z';
const decideBy = '2025-03-18T15:59:59.999Z';
const remindAt = '2025-03-15T13:05:59.999Z';

const heldCase = (overrides: Partial<ComplaintCase> = {}): ComplaintCase =>
  receivedCase({
    status: 'in_progress',
    reference: 'RD-2025-000123',
    subject: '信用卡年费重复扣收',
    firstResponder: 'teller-li',
    handler: 'officer-zhao',
    assignedUnit: 'card-centre',
    deadlines: { acknowledgeBy, decideBy, remindAt },
    ...overrides,
  });

const ctx = (now: string) => ({
  now: new Date(now),
  ladder: defaultEscalationLadder,
  timeZone: 'Asia/Shanghai',
});

const breach: SlaAction = { kind: 'decision_breach', dueAt: decideBy, deadline: decideBy };
const toDeputyPresident: SlaAction = {
  kind: 'escalate',
  toLevel: 3,
  role: 'deputy_president',
  trigger: 'rung_interval',
  dueAt: '2025-03-20T16:00:00.000Z',
  deadline: decideBy,
};

describe('staff notices for the complaint clock', () => {
  it('names the case, the deadline in Beijing time, how late it is and who holds it, Chinese first', () => {
    const notice = slaNotice(heldCase(), breach, ctx('2025-03-20T19:00:00.000Z'));
    expect(notice.subject).toBe('[RD-2025-000123] 投诉答复超时 / Complaint decision overdue');
    const { text } = notice;
    expect(text).toContain('投诉编号：RD-2025-000123');
    expect(text).toContain('投诉事项：“信用卡年费重复扣收”');
    expect(text).toContain('答复期限：2025年3月18日 23:59（北京时间）');
    expect(text).toContain('时限状态：逾期 2 天 3 小时');
    expect(text).toContain('经办人：officer-zhao');
    expect(text).toContain('承办单位：card-centre');
    expect(text).toContain('首问负责人：teller-li');
    expect(text).toContain('Decision due by: 18 March 2025, 23:59 (UTC+8)');
    expect(text).toContain('Status: 2 days 3 hours overdue');
    expect(text).toContain('First responder: teller-li');
    expect(text.indexOf('投诉答复超时')).toBeLessThan(text.indexOf('Complaint decision overdue'));
  });

  it('sends the breach to the handler and the first responder', () => {
    expect(slaNotice(heldCase(), breach, ctx('2025-03-19T01:00:00.000Z')).recipients).toEqual([
      { role: 'handler', staffId: 'officer-zhao' },
      { role: 'first_responder', staffId: 'teller-li' },
    ]);
  });

  it('sends an overdue acknowledgement to the first responder and the branch head', () => {
    const notice = slaNotice(
      heldCase(),
      { kind: 'acknowledgement_overdue', dueAt: acknowledgeBy, deadline: acknowledgeBy },
      ctx('2025-03-04T20:30:00.000Z'),
    );
    expect(notice.recipients).toEqual([
      { role: 'first_responder', staffId: 'teller-li' },
      { role: 'branch_head' },
    ]);
    expect(notice.subject).toContain('[RD-2025-000123] 投诉受理告知逾期');
    expect(notice.text).toContain('受理告知期限：2025年3月4日 23:59（北京时间）');
    expect(notice.text).toContain('逾期 4 小时 30 分钟');
    expect(notice.text).toContain('4 hours 30 minutes overdue');
  });

  it('tells the handler at the reminder point how long is left', () => {
    const notice = slaNotice(
      heldCase(),
      { kind: 'decision_reminder', dueAt: remindAt, deadline: decideBy },
      ctx(remindAt),
    );
    expect(notice.subject).toBe('[RD-2025-000123] 投诉答复督办提醒 / Complaint decision due soon');
    expect(notice.text).toContain('时限状态：剩余 3 天 2 小时');
    expect(notice.text).toContain('Status: 3 days 2 hours left');
  });

  it('tells the rung reached, by its name on the ladder, and the first responder', () => {
    const notice = slaNotice(heldCase(), toDeputyPresident, ctx('2025-03-20T16:00:00.000Z'));
    expect(notice.subject).toBe(
      '[RD-2025-000123] 投诉逐级上报：分管行长 / Complaint escalated to Deputy president in charge',
    );
    expect(notice.recipients).toEqual([
      { role: 'deputy_president' },
      { role: 'first_responder', staffId: 'teller-li' },
    ]);
    expect(notice.text).toContain('上报层级：分管行长（第 3 级，共 4 级）');
    expect(notice.text).toContain('Escalation level: Deputy president in charge (level 3 of 4)');
  });

  it('sends one notice to a person who is both handler and first responder', () => {
    const notice = slaNotice(heldCase({ handler: 'teller-li' }), breach, ctx('2025-03-19T01:00:00.000Z'));
    expect(notice.recipients).toEqual([{ role: 'handler', staffId: 'teller-li' }]);
  });

  it('says plainly when nobody has been assigned yet', () => {
    const { handler: _handler, assignedUnit: _unit, ...unassigned } = heldCase();
    const notice = slaNotice(unassigned, breach, ctx('2025-03-19T01:00:00.000Z'));
    expect(notice.recipients).toEqual([{ role: 'first_responder', staffId: 'teller-li' }]);
    expect(notice.text).toContain('经办人：未指派');
    expect(notice.text).toContain('Handler: not assigned');
  });

  it('escapes the customer’s subject in the HTML and keeps it on one line', () => {
    const hostile = '<img src=x onerror=alert(1)> & "fees"\nFAKE: approved';
    const notice = slaNotice(heldCase({ subject: hostile }), breach, ctx('2025-03-19T01:00:00.000Z'));
    expect(notice.html).not.toContain('<img');
    expect(notice.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;fees&quot; FAKE: approved');
    expect(notice.text).toContain('投诉事项：“<img src=x onerror=alert(1)> & "fees" FAKE: approved”');
    expect(notice.subject).not.toContain('img');
  });
});

describe('how late, in words', () => {
  it.each([
    [30_000, '逾期 不足 1 分钟', 'less than a minute overdue'],
    [61 * 60_000, '逾期 1 小时 1 分钟', '1 hour 1 minute overdue'],
    [24 * 3_600_000, '逾期 1 天', '1 day overdue'],
    [-(49 * 3_600_000), '剩余 2 天 1 小时', '2 days 1 hour left'],
  ])('%d ms past the deadline', (lateMs, zh, en) => {
    const now = new Date(Date.parse(decideBy) + lateMs);
    expect(formatLateness(decideBy, now, 'zh-CN')).toBe(zh);
    expect(formatLateness(decideBy, now, 'en')).toBe(en);
  });
});
