/// <reference lib="dom" />

import { caseStatuses, channels } from '../../../shared/domain/case/case-types.js';
import type { StaffCaseSummary } from '../../../shared/schemas/staff-case-response-schema.js';
import { h } from '../ui/dom.js';
import { caseBadges, deadlineCell, everySecond, statusBadge, urgencyClass } from './case-cells.js';
import type { Failure, StaffApi } from './console-api.js';
import type { ConsoleKey } from './console-dictionary.js';
import type { ConsoleLocalizer } from './console-localizer.js';
import { checkboxField, field, selectControl, tx } from './console-ui.js';
import { serverNow } from './server-clock.js';

export const sampleBranches: readonly string[] = ['BJ-001', 'SH-002', 'GZ-003'];

const columns: readonly ConsoleKey[] = [
  'col.reference',
  'col.subject',
  'col.customer',
  'col.branch',
  'col.status',
  'col.priority',
  'col.firstResponder',
  'col.handler',
  'col.deadline',
];

const anyOption = { value: '', key: 'list.any' } as const;

interface Row {
  item: StaffCaseSummary;
  row: HTMLTableRowElement;
  tick: (now: number) => void;
}

const renderRow = (localizer: ConsoleLocalizer, item: StaffCaseSummary): Row => {
  const deadline = deadlineCell(localizer, item, false);
  const link = h('a', { href: `/console/cases/${encodeURIComponent(item.reference)}` }, [item.reference]);
  const cell = (children: ReadonlyArray<Node | string>, attributes = {}) => h('td', attributes, children);
  const row = h('tr', { 'data-reference': item.reference }, [
    cell([link], { class: 'case-reference' }),
    // Customer text goes in as text nodes only: whatever it contains is shown, never run.
    cell([item.subject], { class: 'subject' }),
    cell([item.customer?.name ?? '—']),
    cell([item.branchCode ?? '—']),
    cell([statusBadge(localizer, item.status)]),
    cell(caseBadges(localizer, item), { class: 'badges' }),
    cell([item.firstResponder ?? '—']),
    cell([item.handler ?? '—']),
    cell([deadline.element], { class: 'deadline-cell' }),
  ]);
  return { item, row, tick: deadline.tick };
};

/** The case list: filters, a table with live countdowns and overdue highlighting, and "more" pages. */
export const renderCaseList = (
  main: HTMLElement,
  localizer: ConsoleLocalizer,
  api: StaffApi,
  onFailure: (failure: Failure) => void,
): void => {
  const status = selectControl(localizer, 'filter-status', 'status', [
    anyOption,
    ...caseStatuses.map((value) => ({ value, key: `status.${value}` as const })),
  ]);
  const branch = selectControl(localizer, 'filter-branch', 'branch', [
    anyOption,
    ...sampleBranches.map((value) => ({ value, text: value })),
  ]);
  const priority = selectControl(localizer, 'filter-priority', 'priority', [
    anyOption,
    { value: 'normal', key: 'priority.normal' },
    { value: 'green_channel', key: 'priority.green_channel' },
  ]);
  const channel = selectControl(localizer, 'filter-channel', 'channel', [
    anyOption,
    ...channels.map((value) => ({ value, key: `channel.${value}` as const })),
  ]);
  const overdue = h('input', { type: 'checkbox', id: 'filter-overdue', name: 'overdue' });
  const repeat = h('input', { type: 'checkbox', id: 'filter-repeat', name: 'repeat' });
  const search = h('input', { type: 'text', id: 'filter-q', name: 'q' });
  const apply = tx(localizer, 'button', 'list.apply', { type: 'submit', class: 'primary' });
  const reset = tx(localizer, 'button', 'list.reset', { type: 'reset', class: 'secondary' });
  const filters = h('form', { class: 'filters', role: 'search' }, [
    field(localizer, 'col.status', status),
    field(localizer, 'col.branch', branch),
    field(localizer, 'col.priority', priority),
    field(localizer, 'fact.channel', channel),
    field(localizer, 'list.search', search),
    checkboxField(localizer, 'list.overdueOnly', overdue),
    checkboxField(localizer, 'list.repeatOnly', repeat),
    h('div', { class: 'filter-buttons' }, [apply, ' ', reset]),
  ]);

  const headRow = h('tr');
  for (const column of columns) headRow.append(tx(localizer, 'th', column, { scope: 'col' }));
  const body = h('tbody', { id: 'case-rows' });
  const table = h('table', { class: 'case-table', id: 'case-table' }, [h('thead', {}, [headRow]), body]);
  const message = h('p', { class: 'list-message', role: 'status', id: 'list-message' });
  const more = tx(localizer, 'button', 'list.more', { type: 'button', class: 'secondary', id: 'more' });
  more.hidden = true;

  let rows: Row[] = [];
  let cursor: string | undefined;
  let generation = 0;

  const query = (): URLSearchParams => {
    const params = new URLSearchParams();
    const add = (name: string, value: string) => {
      if (value.trim() !== '') params.set(name, value.trim());
    };
    add('status', status.value);
    add('branch', branch.value);
    add('priority', priority.value);
    add('channel', channel.value);
    add('q', search.value);
    if (overdue.checked) params.set('overdue', 'true');
    if (repeat.checked) params.set('repeat', 'true');
    return params;
  };

  const load = (append: boolean): void => {
    generation += 1;
    const mine = generation;
    const params = query();
    if (append && cursor !== undefined) params.set('cursor', cursor);
    if (!append) {
      rows = [];
      body.replaceChildren();
    }
    localizer.text(message, 'list.loading');
    more.hidden = true;
    void api.listCases(params).then((result) => {
      // A later filter change wins over an answer still on its way.
      if (mine !== generation) return;
      if (result.kind !== 'ok') {
        localizer.text(message, 'list.error');
        onFailure(result);
        return;
      }
      const added = result.value.cases.map((item) => renderRow(localizer, item));
      rows.push(...added);
      body.append(...added.map((entry) => entry.row));
      tick(serverNow());
      cursor = result.value.cursor;
      more.hidden = cursor === undefined;
      if (rows.length === 0) localizer.text(message, 'list.empty');
      else
        localizer.bind(message, 'text', () => {
          message.textContent = '';
        });
    });
  };

  const tick = (now: number) => {
    for (const entry of rows) {
      entry.tick(now);
      const urgency = urgencyClass(entry.item, now);
      entry.row.className = urgency;
      entry.row.dataset.urgency = urgency === '' ? 'normal' : urgency.replace('row-', '');
    }
  };

  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    load(false);
  });
  // Reset clears the controls first; the list follows once they are empty.
  filters.addEventListener('reset', () => window.setTimeout(() => load(false), 0));
  more.addEventListener('click', () => load(true));

  main.replaceChildren(
    tx(localizer, 'h1', 'list.title', { tabindex: '-1' }),
    h('details', { class: 'filter-box', open: true }, [tx(localizer, 'summary', 'list.filters'), filters]),
    h('p', { class: 'legend' }, [
      tx(localizer, 'span', 'list.legendOverdue', { class: 'legend-overdue' }),
      ' ',
      tx(localizer, 'span', 'list.legendDueSoon', { class: 'legend-due-soon' }),
    ]),
    h('div', { class: 'table-scroll' }, [table]),
    message,
    more,
  );
  everySecond(table, tick);
  load(false);
};
