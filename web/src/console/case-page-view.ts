/// <reference lib="dom" />

import type {
  StaffCaseDetail,
  StaffTimelineEntry,
} from '../../../shared/schemas/staff-case-response-schema.js';
import { h } from '../ui/dom.js';
import { renderActionForms } from './action-forms.js';
import { caseBadges, deadlineCell, everySecond, statusBadge, timeElement } from './case-cells.js';
import type { Failure, StaffApi } from './console-api.js';
import type { ConsoleKey } from './console-dictionary.js';
import type { ConsoleLocalizer } from './console-localizer.js';
import { labelled, tx } from './console-ui.js';

/** `/console/cases/{reference}` -> the reference; anything else -> undefined. */
export const referenceFromPath = (pathname: string): string | undefined => {
  const match = /^\/console\/cases\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1] === undefined) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
};

type Fact = [ConsoleKey, Node | string];

const facts = (localizer: ConsoleLocalizer, item: StaffCaseDetail): Fact[] => {
  const list: Fact[] = [];
  const text = (key: ConsoleKey, value: string | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') list.push([key, value]);
  };
  const time = (key: ConsoleKey, value: string | null | undefined) => {
    if (value !== null && value !== undefined && value !== '')
      list.push([key, timeElement(localizer, value)]);
  };
  const yesNo = (value: boolean) => tx(localizer, 'span', value ? 'fact.yes' : 'fact.no');
  const { customer, deadlines, decision } = item;

  list.push(['fact.status', statusBadge(localizer, item.status)]);
  list.push(['fact.channel', labelled(localizer, 'span', 'channel', item.channel)]);
  list.push(['fact.priority', labelled(localizer, 'span', 'priority', item.priority)]);
  text('fact.category', item.category);
  list.push(['fact.anonymous', yesNo(item.anonymous)]);
  text('fact.customerName', customer.name);
  text('fact.customerEmail', customer.email);
  text('fact.customerPhone', customer.phone);
  text('fact.customerId', customer.customerId);
  text('fact.branch', item.branchCode);
  text('fact.product', item.product);
  text('fact.externalReference', item.externalReference);
  time('fact.receivedAt', item.receivedAt);
  time('fact.registeredAt', item.registeredAt);
  time('fact.acknowledgedAt', item.acknowledgedAt);
  time('fact.acknowledgeBy', deadlines?.acknowledgeBy);
  time('fact.remindAt', deadlines?.remindAt);
  time('fact.decideBy', deadlines?.decideBy);
  time('fact.secondContactBy', deadlines?.secondContactBy);
  time('fact.resolvedAt', item.resolvedAt);
  time('fact.reviewRequestBy', deadlines?.reviewRequestBy);
  time('fact.reviewDecideBy', deadlines?.reviewDecideBy);
  text('fact.firstResponder', item.firstResponder);
  text('fact.handler', item.handler);
  text('fact.assignedUnit', item.assignedUnit);
  list.push([
    'fact.escalationLevel',
    item.escalationLevel === 0 ? '0' : labelled(localizer, 'span', 'level', String(item.escalationLevel)),
  ]);
  list.push(['fact.repeatComplainant', yesNo(item.repeatComplainant)]);
  list.push(['fact.extensions', String(item.extensions.length)]);
  if (decision) {
    list.push(['fact.decision', labelled(localizer, 'span', 'decision', decision.decision)]);
    list.push(['fact.atFault', labelled(localizer, 'span', 'atFault', decision.atFault)]);
  }
  text('fact.remedy', decision?.remedy);
  if (decision?.compensation) {
    list.push(['fact.compensation', `${decision.compensation.amount} ${decision.compensation.currency}`]);
  }
  text('fact.mergedInto', item.mergedInto);
  text('fact.subject', item.subject);
  text('fact.description', item.description);
  text('fact.desiredOutcome', item.desiredOutcome);
  list.push(['fact.version', String(item.version)]);
  return list;
};

/** Any JSON value as plain text for the timeline; shown through a text node, never as markup. */
const plain = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value) ?? '';
};

const actorLabel = (localizer: ConsoleLocalizer, actor: StaffTimelineEntry['actor']): HTMLElement => {
  if (actor.kind === 'customer') return tx(localizer, 'span', 'actor.customer');
  const role = actor.role ? ` (${actor.role})` : '';
  return h('span', {}, [`${actor.id}${role}`]);
};

const timelineEntry = (localizer: ConsoleLocalizer, event: StaffTimelineEntry): HTMLElement => {
  const data = Object.entries(event.data ?? {});
  return h('li', { 'data-kind': event.kind }, [
    h('p', { class: 'timeline-head' }, [
      timeElement(localizer, event.at),
      ' · ',
      labelled(localizer, 'strong', 'event', event.kind, { class: 'event-kind' }),
      ' · ',
      tx(localizer, 'span', 'case.by'),
      ': ',
      actorLabel(localizer, event.actor),
    ]),
    ...(data.length === 0
      ? []
      : [
          h(
            'dl',
            { class: 'event-data' },
            data.flatMap(([name, value]) => [h('dt', {}, [name]), h('dd', {}, [plain(value)])]),
          ),
        ]),
  ]);
};

/**
 * The case page: the facts, the ledger, and the action forms. A reference just registered may
 * not be readable for a moment (the intake queue), so "not found" retries a few times first.
 */
export const renderCasePage = (
  main: HTMLElement,
  localizer: ConsoleLocalizer,
  api: StaffApi,
  reference: string,
  onFailure: (failure: Failure) => void,
): void => {
  const back = tx(localizer, 'a', 'case.back', { href: '/console', class: 'back-link' });
  const title = tx(localizer, 'h1', 'case.title', { tabindex: '-1', id: 'case-title' }, { reference });

  const load = (attempt: number): void => {
    main.replaceChildren(back, title, tx(localizer, 'p', 'case.loading', { role: 'status' }));
    void api.getCase(reference).then((result) => {
      if (result.kind === 'not_found' && attempt < 4) {
        window.setTimeout(() => load(attempt + 1), 750);
        return;
      }
      if (result.kind !== 'ok') {
        onFailure(result);
        const retry = tx(localizer, 'button', 'case.retry', { type: 'button', class: 'secondary' });
        retry.addEventListener('click', () => load(0));
        main.replaceChildren(
          back,
          title,
          tx(localizer, 'p', result.kind === 'not_found' ? 'case.notFound' : 'case.error', {
            role: 'alert',
            class: 'form-alert',
            id: 'case-error',
          }),
          retry,
        );
        return;
      }
      const { case: item, events } = result.value;
      const deadline = deadlineCell(localizer, item, true);
      const list = h(
        'dl',
        { class: 'case-facts', id: 'case-facts' },
        facts(localizer, item).flatMap(([key, value]) => [tx(localizer, 'dt', key), h('dd', {}, [value])]),
      );
      const timeline =
        events.length === 0
          ? tx(localizer, 'p', 'case.timelineEmpty')
          : h(
              'ol',
              { class: 'timeline', id: 'timeline' },
              [...events].sort((a, b) => a.seq - b.seq).map((event) => timelineEntry(localizer, event)),
            );
      main.replaceChildren(
        back,
        title,
        h('p', { class: 'case-headline' }, [
          statusBadge(localizer, item.status),
          ' ',
          ...caseBadges(localizer, item),
          ' ',
          h('span', { id: 'case-deadline' }, [deadline.element]),
        ]),
        h('section', { 'aria-labelledby': 'facts-heading' }, [
          tx(localizer, 'h2', 'case.facts', { id: 'facts-heading' }),
          list,
        ]),
        h('section', { 'aria-labelledby': 'actions-heading' }, [
          tx(localizer, 'h2', 'case.actions', { id: 'actions-heading' }),
          renderActionForms(localizer, api, item, () => load(0)),
        ]),
        h('section', { 'aria-labelledby': 'timeline-heading' }, [
          tx(localizer, 'h2', 'case.timeline', { id: 'timeline-heading' }),
          timeline,
        ]),
      );
      everySecond(list, deadline.tick);
    });
  };
  load(0);
};
