/// <reference lib="dom" />

import type { Page } from 'playwright-core';

/**
 * Stored-XSS payloads for every free-text field a customer or a member of staff controls. Each
 * one, if it ever ran, would set `window.__pwned`; the tests look for that, for any dialog, and
 * for elements the markup would have created.
 */
export const PAYLOADS = {
  img: '<img src=x onerror=window.__pwned=1>',
  script: '<script>window.__pwned=1</script>',
  svg: '"><svg onload=window.__pwned=1>',
  jsLink: 'javascript:window.__pwned=1',
  template: "{{constructor.constructor('window.__pwned=1')()}}",
  textarea: '</textarea><b>bold</b>',
  // A right-to-left override (U+202E) that would make a file name read backwards, closed by U+202C.
  rtl: 'invoice\u202Efdp.exe\u202C',
  // Zero-width space and joiner, which hide inside a word.
  zeroWidth: 'pay\u200Bpal\u200D',
  chinese: '银行乱扣费，请退还',
} as const;

/** Every payload, marked with the field it is written into so a leak names its source. */
export const hostile = (marker: string): string => `${marker} ${Object.values(PAYLOADS).join(' ')}`;

/** A few payloads, for fields with a tight length limit (subject 200, name and product 100). */
export const hostileMix = (marker: string, ...names: readonly (keyof typeof PAYLOADS)[]): string =>
  [marker, ...names.map((name) => PAYLOADS[name])].join(' ');

/** Markup a payload would have created if it reached a page as HTML, and whether it ran. */
export interface InjectionReport {
  pwned: boolean;
  /** Selectors that matched inside the content area, with their counts. */
  injected: Record<string, number>;
  /** Elements anywhere in the document carrying an inline event handler attribute. */
  handlerAttributes: string[];
}

// What the payloads would create; the pages and mails under test make none of these themselves.
const INJECTED_SELECTORS = ['img[src="x"]', 'img', 'svg', 'script', 'b', 'a[href^="javascript:" i]'] as const;

/** Inspects the page: `root` is the content area (`main` on the web pages, `body` for a mail). */
export const injectionReport = (page: Page, root: string): Promise<InjectionReport> =>
  page.evaluate(
    ({ rootSelector, selectors }) => {
      const area = document.querySelector(rootSelector);
      const injected: Record<string, number> = {};
      for (const selector of selectors) {
        const count = area === null ? 0 : area.querySelectorAll(selector).length;
        if (count > 0) injected[selector] = count;
      }
      const handlerAttributes = Array.from(document.querySelectorAll('*')).flatMap((element) =>
        element
          .getAttributeNames()
          .filter((name) => name.toLowerCase().startsWith('on'))
          .map((name) => `${element.tagName.toLowerCase()}[${name}]`),
      );
      return { pwned: '__pwned' in window, injected, handlerAttributes };
    },
    { rootSelector: root, selectors: [...INJECTED_SELECTORS] },
  );

/** Nothing ran and nothing was injected: what each page and mail must report. */
export const CLEAN: InjectionReport = { pwned: false, injected: {}, handlerAttributes: [] };

// An element that was created from text: a tag, or an inline handler inside one.
const MARKUP_FROM_PAYLOAD = /<(img|script|svg|b|textarea)\b|<\/(script|textarea|b)>|<[^>]*\son[a-z]+\s*=/i;
const SCRIPT_URL = /href\s*=\s*["']?\s*javascript:/i;

/** What in an HTML mail body is markup from a payload rather than escaped text; empty when none. */
export const unescapedMarkup = (html: string): string[] => {
  const found: string[] = [];
  const tag = MARKUP_FROM_PAYLOAD.exec(html);
  if (tag !== null) found.push(html.slice(Math.max(0, tag.index - 40), tag.index + 80));
  const url = SCRIPT_URL.exec(html);
  if (url !== null) found.push(html.slice(Math.max(0, url.index - 40), url.index + 80));
  return found;
};
