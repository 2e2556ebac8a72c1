/// <reference lib="dom" />

import type { StaffCaseSummary } from '../../../shared/schemas/staff-case-response-schema.js';
import { formatBankTime } from '../format/bank-time.js';
import { h } from '../ui/dom.js';
import type { ConsoleLocalizer } from './console-localizer.js';
import { labelled, tx } from './console-ui.js';
import { countdownParts, type DeadlineFacts, nextDeadline, urgencyOf } from './deadline.js';
import { serverNow } from './server-clock.js';

/** A UTC instant shown in Beijing time in the page's language, with the instant kept machine-readable. */
export const timeElement = (localizer: ConsoleLocalizer, iso: string): HTMLElement => {
  const element = h('time', { datetime: iso });
  localizer.bind(element, 'time', (language) => {
    element.textContent = formatBankTime(iso, language);
  });
  return element;
};

export const statusBadge = (localizer: ConsoleLocalizer, status: string): HTMLElement =>
  labelled(localizer, 'span', 'status', status, { class: 'status-badge', 'data-status': status });

/** The green-channel and watch-list badges a case earns; none for an ordinary case. */
export const caseBadges = (
  localizer: ConsoleLocalizer,
  item: Pick<StaffCaseSummary, 'priority' | 'repeatComplainant'>,
): HTMLElement[] => {
  const badges: HTMLElement[] = [];
  if (item.priority === 'green_channel') {
    badges.push(tx(localizer, 'span', 'badge.greenChannel', { class: 'badge badge-green' }));
  }
  if (item.repeatComplainant) {
    badges.push(tx(localizer, 'span', 'badge.watchList', { class: 'badge badge-watch' }));
  }
  return badges;
};

/**
 * The next deadline with a countdown that `tick` refreshes; the countdown is worked out in the
 * browser from the stored instant, so it needs no calls to the API.
 */
export const deadlineCell = (
  localizer: ConsoleLocalizer,
  item: DeadlineFacts,
  includeAcknowledgement: boolean,
): { element: HTMLElement; tick: (now: number) => void } => {
  const next = nextDeadline(item, { includeAcknowledgement });
  if (next === undefined) return { element: h('span', {}, ['—']), tick: () => undefined };
  const countdown = h('span', { class: 'countdown' });
  const element = h('span', { class: 'deadline' }, [
    tx(localizer, 'span', next.label, { class: 'deadline-label' }),
    ' ',
    timeElement(localizer, next.at),
    h('br'),
    countdown,
  ]);
  let now = serverNow();
  const render = () => {
    const parts = countdownParts(next.at, now);
    if (parts === undefined) return;
    const span = parts.days > 0 ? localizer.t('deadline.days', { d: parts.days, hms: parts.hms }) : parts.hms;
    countdown.textContent = localizer.t(parts.overdue ? 'deadline.over' : 'deadline.left', { time: span });
    countdown.dataset.overdue = String(parts.overdue);
  };
  localizer.bind(countdown, 'countdown', render);
  const tick = (at: number) => {
    now = at;
    render();
  };
  return { element, tick };
};

export const urgencyClass = (item: DeadlineFacts, now: number): string => {
  const urgency = urgencyOf(item, now);
  return urgency === 'overdue' ? 'row-overdue' : urgency === 'due_soon' ? 'row-due-soon' : '';
};

/** Runs `tick` every second while `anchor` is on the page; stops by itself once the view is replaced. */
export const everySecond = (anchor: Element, tick: (now: number) => void): void => {
  tick(serverNow());
  const timer = window.setInterval(() => {
    if (!anchor.isConnected) {
      window.clearInterval(timer);
      return;
    }
    tick(serverNow());
  }, 1000);
};
