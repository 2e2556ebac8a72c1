/// <reference lib="dom" />

import type { Language } from '../../../shared/domain/case/case-types.js';
import { rememberLanguage } from '../i18n/language.js';
import { type ConsoleKey, type ConsoleParams, labelOr, translateConsole } from './console-dictionary.js';

/**
 * The console's counterpart of the public pages' localizer: every visible string stays tied to
 * its key, so a language switch relabels the page in place and keeps what staff have typed.
 */
export interface ConsoleLocalizer {
  readonly language: Language;
  t(key: ConsoleKey, params?: ConsoleParams): string;
  /** A label for an API value (status, channel, event kind); the raw value when unknown. */
  label(prefix: string, value: string): string;
  /** Sets the element's text now and after every switch. Text only: never parsed as HTML. */
  text(element: Element, key: ConsoleKey, params?: ConsoleParams): void;
  attribute(element: Element, name: string, key: ConsoleKey, params?: ConsoleParams): void;
  bind(element: Element, slot: string, render: (language: Language) => void): void;
  onChange(listener: (language: Language) => void): void;
  setLanguage(language: Language): void;
}

const safeLocalStorage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

export const createConsoleLocalizer = (start: Language): ConsoleLocalizer => {
  let current = start;
  // Keyed by element and slot so a rebinding replaces the old one instead of piling up.
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
    document.title = translateConsole(current, 'app.pageTitle');
  };

  const localizer: ConsoleLocalizer = {
    get language() {
      return current;
    },
    t: (key, params) => translateConsole(current, key, params),
    label: (prefix, value) => labelOr(current, prefix, value),
    text: (element, key, params) =>
      bind(element, 'text', (language) => {
        element.textContent = translateConsole(language, key, params);
      }),
    attribute: (element, name, key, params) =>
      bind(element, `attr:${name}`, (language) => {
        element.setAttribute(name, translateConsole(language, key, params));
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
        // Views replaced since the last switch need no text; dropping them keeps the map small.
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
