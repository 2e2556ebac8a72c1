/// <reference lib="dom" />

import type { CustomerStatusView } from '../../../shared/domain/intake/customer-status-view.js';
import type { StatusOutcome } from '../api/status-api.js';
import { formatBankTime } from '../format/bank-time.js';
import { type MessageKey, statusKey } from '../i18n/dictionary.js';
import { type Attributes, h } from '../ui/dom.js';
import type { Localizer } from '../ui/localizer.js';

export type StatusState = { kind: 'loading' } | StatusOutcome;

const text = (
  tag: 'h1' | 'h2' | 'p',
  localizer: Localizer,
  key: MessageKey,
  attributes: Attributes = {},
): HTMLElement => h(tag, attributes, [localizer.t(key)]);

const timeElement = (iso: string, localizer: Localizer): HTMLElement =>
  h('time', { datetime: iso }, [formatBankTime(iso, localizer.language)]);

const newComplaintLink = (localizer: Localizer): HTMLElement =>
  h('p', { class: 'after' }, [h('a', { href: '/' }, [localizer.t('status.newComplaint')])]);

const summaryRow = (label: string, value: Node | string, valueClass?: string): HTMLElement[] => [
  h('dt', {}, [label]),
  h('dd', { class: valueClass }, [value]),
];

const renderFound = (status: CustomerStatusView, localizer: Localizer): HTMLElement[] => {
  const known = statusKey(status.status);
  // A status the dictionary has no words for yet is still shown, just untranslated.
  const statusLabel = known === undefined ? status.status : localizer.t(known);
  const rows = [
    ...summaryRow(localizer.t('status.reference'), status.reference, 'reference-value'),
    ...summaryRow(
      localizer.t('status.current'),
      h('span', { class: 'status-badge', 'data-status': status.status }, [statusLabel]),
    ),
    ...summaryRow(localizer.t('status.receivedAt'), timeElement(status.receivedAt, localizer)),
  ];
  if (status.acknowledgeBy) {
    rows.push(
      ...summaryRow(localizer.t('status.acknowledgeBy'), timeElement(status.acknowledgeBy, localizer)),
    );
  }
  if (status.decideBy) {
    rows.push(...summaryRow(localizer.t('status.decideBy'), timeElement(status.decideBy, localizer)));
  }

  const history =
    status.history.length === 0
      ? text('p', localizer, 'status.historyEmpty')
      : h(
          'ol',
          { class: 'history', id: 'history' },
          status.history.map((entry) =>
            h('li', { 'data-kind': entry.kind }, [
              timeElement(entry.at, localizer),
              // The text may quote the customer: it goes in as a text node, never as markup.
              h('p', { class: 'history-text' }, [entry.text]),
            ]),
          ),
        );

  return [
    text('h1', localizer, 'status.title', { id: 'status-title', tabindex: '-1' }),
    h('dl', { class: 'status-summary' }, rows),
    text('p', localizer, 'status.timeZone', { class: 'hint' }),
    text('h2', localizer, 'status.history', { class: 'section-heading' }),
    history,
    newComplaintLink(localizer),
  ];
};

/** Renders the whole status page for one state; called again on every language switch. */
export const renderStatus = (
  main: HTMLElement,
  state: StatusState,
  localizer: Localizer,
  retry: () => void,
) => {
  switch (state.kind) {
    case 'loading':
      main.replaceChildren(
        text('h1', localizer, 'status.title', { id: 'status-title' }),
        text('p', localizer, 'status.loading', { role: 'status', class: 'loading' }),
      );
      return;
    case 'not_found':
      main.replaceChildren(
        text('h1', localizer, 'status.notFoundTitle', { id: 'status-title' }),
        text('p', localizer, 'status.notFoundBody', { class: 'notice', id: 'not-found' }),
        newComplaintLink(localizer),
      );
      return;
    case 'error': {
      const again = h('button', { type: 'button', class: 'secondary' }, [localizer.t('status.retry')]);
      again.addEventListener('click', retry);
      main.replaceChildren(
        text('h1', localizer, 'status.title', { id: 'status-title' }),
        text('p', localizer, 'status.error', { role: 'alert', class: 'form-alert' }),
        again,
      );
      return;
    }
    case 'found':
      main.replaceChildren(...renderFound(state.status, localizer));
      return;
  }
};
