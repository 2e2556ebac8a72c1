/// <reference lib="dom" />

import { type Language, languages } from '../../../shared/domain/case/case-types.js';
import { h } from '../ui/dom.js';
import type { ConsoleLocalizer } from './console-localizer.js';
import { tx } from './console-ui.js';

export interface LayoutOptions {
  /** Who is signed in; undefined shows no navigation (the sign-in page). */
  user: string | undefined;
  onSignOut: () => void;
}

/**
 * The console's frame, built from the public pages' classes: skip link, header with the
 * language switch, main landmark, footer. The header also carries the navigation and the user.
 */
export const renderConsoleLayout = (
  root: HTMLElement,
  localizer: ConsoleLocalizer,
  { user, onSignOut }: LayoutOptions,
): { main: HTMLElement } => {
  const skipLink = tx(localizer, 'a', 'app.skipLink', { class: 'skip-link', href: '#main' });
  const brand = h('p', { class: 'brand' }, [tx(localizer, 'a', 'app.name', { href: '/console' })]);

  const switcher = h('div', { class: 'language-switch', role: 'group' });
  localizer.attribute(switcher, 'aria-label', 'lang.group');
  const buttons = new Map<Language, HTMLButtonElement>();
  for (const language of languages) {
    // Each language names itself in its own script, so it is findable whatever is shown now.
    const button = tx(localizer, 'button', `lang.${language}`, {
      type: 'button',
      lang: language,
      'data-language': language,
    });
    button.addEventListener('click', () => localizer.setLanguage(language));
    buttons.set(language, button);
    switcher.append(button);
  }
  const markCurrent = (current: Language) => {
    for (const [language, button] of buttons)
      button.setAttribute('aria-pressed', String(language === current));
  };
  markCurrent(localizer.language);
  localizer.onChange(markCurrent);

  const headerParts: HTMLElement[] = [brand];
  if (user !== undefined) {
    const signOut = tx(localizer, 'button', 'nav.signOut', {
      type: 'button',
      id: 'sign-out',
      class: 'link-button',
    });
    signOut.addEventListener('click', onSignOut);
    headerParts.push(
      h('nav', { class: 'console-nav' }, [
        tx(localizer, 'a', 'nav.cases', { href: '/console' }),
        tx(localizer, 'a', 'nav.register', { href: '/console/register', id: 'nav-register' }),
      ]),
      h('p', { class: 'console-user' }, [
        tx(localizer, 'span', 'nav.signedInAs', { id: 'signed-in-user', 'data-user': user }, { user }),
        ' ',
        signOut,
      ]),
    );
  }
  headerParts.push(switcher);

  const header = h('header', { class: 'site-header' }, [
    h('div', { class: 'site-header-inner console-header' }, headerParts),
  ]);
  // tabindex -1 lets the skip link and view changes move focus here without adding a tab stop.
  const main = h('main', { id: 'main', class: 'page console-page', tabindex: '-1' });
  const footer = h('footer', { class: 'site-footer' }, [tx(localizer, 'p', 'footer.note')]);
  root.replaceChildren(skipLink, header, main, footer);
  return { main };
};
