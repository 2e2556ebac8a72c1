/// <reference lib="dom" />

import type { Language } from '../../../shared/domain/case/case-types.js';
import { type BoundLocalizer, createBoundLocalizer } from '../ui/localizer.js';
import { type ConsoleKey, labelOr, translateConsole } from './console-dictionary.js';

/**
 * The public pages' localizer over the console's dictionary, plus labels for API values:
 * a language switch relabels the page in place and keeps what staff have typed.
 */
export interface ConsoleLocalizer extends BoundLocalizer<ConsoleKey> {
  /** A label for an API value (status, channel, event kind); the raw value when unknown. */
  label(prefix: string, value: string): string;
}

export const createConsoleLocalizer = (start: Language): ConsoleLocalizer => {
  const base = createBoundLocalizer(start, translateConsole, 'app.pageTitle');
  return Object.assign(base, {
    label: (prefix: string, value: string) => labelOr(base.language, prefix, value),
  });
};
