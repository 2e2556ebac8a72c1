/// <reference lib="dom" />

import { fetchStatus, statusRequestFrom } from './api/status-api.js';
import { renderStatus, type StatusState } from './status/status-view.js';
import { requireElement } from './ui/dom.js';
import { createLocalizer, initialLanguage } from './ui/localizer.js';
import { renderLayout } from './ui/page-layout.js';

/** Entry point of the status page at `/status/{reference}?token=...`. */
const localizer = createLocalizer(initialLanguage(), 'status.pageTitle');
const { main } = renderLayout(requireElement(document, '#app', HTMLElement), localizer);
const request = statusRequestFrom(window.location.pathname, window.location.search);

let state: StatusState = { kind: 'loading' };
const show = (next: StatusState) => {
  state = next;
  renderStatus(main, state, localizer, load);
};

function load(): void {
  if (request === undefined) {
    show({ kind: 'not_found' });
    return;
  }
  show({ kind: 'loading' });
  void fetchStatus(request).then(show);
}

localizer.onChange(() => renderStatus(main, state, localizer, load));
load();
