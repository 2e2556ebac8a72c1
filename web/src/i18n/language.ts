/// <reference lib="dom" />

import { type Language, languages } from '../../../shared/domain/case/case-types.js';

const STORAGE_KEY = 'redress.language';

const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && languages.some((language) => language === value);

/**
 * Maps the browser's preferred languages onto the two we speak: any Chinese variant reads the
 * Simplified pages, any English variant the English ones. The first match wins, so a browser
 * set to "fr, en" gets English. With no match the bank's home language is the better guess.
 */
export const languageFromPreferences = (preferred: readonly string[]): Language => {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return 'zh-CN';
};

/** Storage can be off (private mode, blocked cookies); the choice then lasts only for the page. */
export const storedLanguage = (storage: Pick<Storage, 'getItem'> | undefined): Language | undefined => {
  try {
    const value = storage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
};

export const rememberLanguage = (storage: Pick<Storage, 'setItem'> | undefined, language: Language): void => {
  try {
    storage?.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembering is harmless: the next visit falls back to the browser's language.
  }
};
