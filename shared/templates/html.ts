/**
 * Minimal HTML building for e-mail bodies. Every interpolated value is escaped unless it is
 * already a SafeHtml fragment, and a SafeHtml can only be minted inside this module, so
 * customer-written text cannot reach the markup unescaped by accident.
 */

const htmlEscapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in element content and in quoted attribute values alike. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => htmlEscapes[ch] ?? ch);

// Holding this symbol is what allows constructing a SafeHtml; it never leaves the module.
const mintKey = Symbol('SafeHtml.mint');

/** Markup that is known to be safe: built from template literals with every value escaped. */
export class SafeHtml {
  readonly #markup: string;

  constructor(key: typeof mintKey, markup: string) {
    if (key !== mintKey) throw new TypeError('SafeHtml is only created by html`...` or joinHtml()');
    this.#markup = markup;
  }

  toString(): string {
    return this.#markup;
  }
}

/**
 * What may be interpolated: text and numbers are escaped, SafeHtml is inserted as is, arrays
 * are concatenated, and null / undefined / false render nothing so conditionals read naturally.
 */
export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

const renderValue = (value: HtmlValue): string => {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (typeof value === 'number') return escapeHtml(String(value));
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(renderValue).join('');
};

/** Tagged template: the literal parts are trusted markup, every `${value}` is escaped. */
export const html = (strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml => {
  let markup = strings[0] ?? '';
  values.forEach((value, index) => {
    markup += renderValue(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(mintKey, markup);
};

/** Joins fragments with a separator (itself safe markup), e.g. lines with `<br>`. */
export const joinHtml = (fragments: readonly SafeHtml[], separator: SafeHtml = html``): SafeHtml =>
  new SafeHtml(mintKey, fragments.map(String).join(separator.toString()));

/** Escaped text whose line breaks become `<br>`, for multi-line text such as a letter. */
export const textWithBreaks = (text: string): SafeHtml =>
  joinHtml(
    text.split('\n').map((line) => html`${line}`),
    html`<br>`,
  );
