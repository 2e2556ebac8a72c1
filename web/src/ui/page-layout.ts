/// <reference lib="dom" />

import { type Language, languages } from '../../../shared/domain/case/case-types.js';
import { h } from './dom.js';
import type { Localizer } from './localizer.js';

/**
 * The frame both public pages share: a skip link, the header with the language switch, the
 * main landmark the page fills, and a footer. Replaces whatever the HTML shell held.
 */
export const renderLayout = (root: HTMLElement, localizer: Localizer): { main: HTMLElement } => {
  const skipLink = h('a', { class: 'skip-link', href: '#main' });
  localizer.text(skipLink, 'app.skipLink');

  const brand = h('p', { class: 'brand' });
  localizer.text(brand, 'app.name');

  const switcher = h('div', { class: 'language-switch', role: 'group' });
  localizer.attribute(switcher, 'aria-label', 'lang.group');
  const buttons = new Map<Language, HTMLButtonElement>();
  for (const language of languages) {
    // Each language names itself in its own script, so it is findable whatever is shown now.
    const button = h('button', { type: 'button', lang: language, 'data-language': language });
    localizer.text(button, `lang.${language}`);
    button.addEventListener('click', () => localizer.setLanguage(language));
    buttons.set(language, button);
    switcher.append(button);
  }
  const markCurrent = (current: Language) => {
    for (const [language, button] of buttons) {
      button.setAttribute('aria-pressed', String(language === current));
    }
  };
  markCurrent(localizer.language);
  localizer.onChange(markCurrent);

  const header = h('header', { class: 'site-header' }, [
    h('div', { class: 'site-header-inner' }, [brand, switcher]),
  ]);
  // tabindex -1 lets the skip link and error handling move focus here without adding a tab stop.
  const main = h('main', { id: 'main', class: 'page', tabindex: '-1' });
  const footerText = h('p');
  localizer.text(footerText, 'footer.privacy');
  const footer = h('footer', { class: 'site-footer' }, [footerText]);

  root.replaceChildren(skipLink, header, main, footer);
  return { main };
};
