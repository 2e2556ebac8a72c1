/// <reference lib="dom" />

import type { Language } from '../../../shared/domain/case/case-types.js';
import { type MessageKey, type MessageParams, translate } from '../i18n/dictionary.js';
import { languageFromPreferences, rememberLanguage, storedLanguage } from '../i18n/language.js';

/**
 * Keeps every visible string tied to its message key, so switching language relabels the page
 * in place: what the customer typed, their focus and any errors shown all stay where they are.
 * Generic over the dictionary, so the public pages and the staff console share one mechanism.
 */
export interface BoundLocalizer<Key> {
  readonly language: Language;
  t(key: Key, params?: MessageParams): string;
  /** Sets the element's text now and again after every switch. Text only: never parsed as HTML. */
  text(element: Element, key: Key, params?: MessageParams): void;
  attribute(element: Element, name: string, key: Key, params?: MessageParams): void;
  /** Binds text computed by the caller (for values that are not a single message). */
  bind(element: Element, slot: string, render: (language: Language) => void): void;
  onChange(listener: (language: Language) => void): void;
  setLanguage(language: Language): void;
}

export type Localizer = BoundLocalizer<MessageKey>;

export type Translate<Key> = (language: Language, key: Key, params?: MessageParams) => string;

const safeLocalStorage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

export const initialLanguage = (): Language =>
  storedLanguage(safeLocalStorage()) ?? languageFromPreferences(navigator.languages ?? [navigator.language]);

export const createBoundLocalizer = <Key>(
  start: Language,
  translateKey: Translate<Key>,
  pageTitle: Key,
): BoundLocalizer<Key> => {
  let current = start;
  // Keyed by element and slot so rebinding (a counter that changes) replaces, never piles up.
  const bindings = new Map<Element, Map<string, (language: Language) => void>>();
  const listeners: Array<(language: Language) => void> = [];

  const bind = (element: Element, slot: string, render: (language: Language) => void): void => {
    const slots = bindings.get(element) ?? new Map<string, (language: Language) => void>();
    slots.set(slot, render);
    bindings.set(element, slots);
    render(current);
  };

  const applyDocument = (): void => {
    document.documentElement.lang = current;
    document.title = translateKey(current, pageTitle);
  };

  const localizer: BoundLocalizer<Key> = {
    get language() {
      return current;
    },
    t: (key, params) => translateKey(current, key, params),
    text: (element, key, params) =>
      bind(element, 'text', (language) => {
        element.textContent = translateKey(language, key, params);
      }),
    attribute: (element, name, key, params) =>
      bind(element, `attr:${name}`, (language) => {
        element.setAttribute(name, translateKey(language, key, params));
      }),
    bind,
    onChange: (listener) => {
      listeners.push(listener);
    },
    setLanguage: (language) => {
      if (language === current) return;
      current = language;
      rememberLanguage(safeLocalStorage(), language);
      applyDocument();
      for (const [element, slots] of bindings) {
        // Elements removed from the page no longer need their text; drop them so the map stays small.
        if (!element.isConnected) {
          bindings.delete(element);
          continue;
        }
        for (const render of slots.values()) render(language);
      }
      for (const listener of listeners) listener(language);
    },
  };
  applyDocument();
  return localizer;
};

export const createLocalizer = (start: Language, pageTitle: MessageKey): Localizer =>
  createBoundLocalizer(start, translate, pageTitle);
