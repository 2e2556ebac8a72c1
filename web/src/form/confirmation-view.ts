/// <reference lib="dom" />

import { h } from '../ui/dom.js';
import type { Localizer } from '../ui/localizer.js';

/**
 * What the customer sees once the complaint is accepted: the reference, large enough to read
 * out on the phone, and the status link, which is the only key to the complaint's progress.
 */
export const renderConfirmation = (
  reference: string,
  link: URL,
  localizer: Localizer,
): { panel: HTMLElement; heading: HTMLElement } => {
  const heading = h('h1', { id: 'confirmation-title', tabindex: '-1' });
  localizer.text(heading, 'done.title');
  const intro = h('p', { class: 'lead' });
  localizer.text(intro, 'done.intro');

  const referenceLabel = h('p', { class: 'reference-label', id: 'reference-label' });
  localizer.text(referenceLabel, 'done.reference');
  const referenceValue = h('p', { class: 'reference-value', id: 'reference' }, [reference]);

  const keep = h('p', { class: 'notice' });
  localizer.text(keep, 'done.keepLink');
  const statusAnchor = h('a', { id: 'status-link', class: 'button-link', href: link.href });
  localizer.text(statusAnchor, 'done.statusLink');
  const fullUrl = h('p', { class: 'status-url', id: 'status-url' }, [link.href]);

  const copyResult = h('p', { class: 'copy-result', role: 'status' });
  const copy = h('button', { type: 'button', class: 'secondary' });
  localizer.text(copy, 'done.copy');
  copy.addEventListener('click', () => {
    const clipboard: Clipboard | undefined = navigator.clipboard;
    const done =
      clipboard === undefined ? Promise.reject(new Error('no clipboard')) : clipboard.writeText(link.href);
    done.then(
      () => localizer.text(copyResult, 'done.copied'),
      () => localizer.text(copyResult, 'done.copyFailed'),
    );
  });

  const another = h('a', { href: '/' });
  localizer.text(another, 'done.another');

  const panel = h('section', { class: 'confirmation', 'aria-labelledby': 'confirmation-title' }, [
    heading,
    intro,
    h('div', { class: 'reference-box' }, [referenceLabel, referenceValue]),
    keep,
    h('div', { class: 'link-actions' }, [statusAnchor, copy]),
    fullUrl,
    copyResult,
    h('p', { class: 'after' }, [another]),
  ]);
  return { panel, heading };
};
