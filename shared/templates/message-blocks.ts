import type { Language } from '../domain/case/case-types.js';
import { html, joinHtml, type SafeHtml, textWithBreaks } from './html.js';
import { multiLine, singleLine, stripControls } from './plain-text.js';
import { webUrl } from './web-url.js';

/**
 * A message is written once as a list of blocks and rendered to both the plain-text and the
 * HTML body, so the two bodies of an e-mail can never say different things.
 */

export interface LinkInline {
  kind: 'link';
  /** Already checked by webUrl(). */
  url: string;
}

export interface StrongInline {
  kind: 'strong';
  text: string;
}

/** A run of text inside a paragraph or a field value. */
export type Inline = string | LinkInline | StrongInline;

export interface FieldRow {
  label: string;
  value: readonly Inline[];
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; content: readonly Inline[] }
  | { kind: 'fields'; rows: readonly FieldRow[] };

export const heading = (text: string): Block => ({ kind: 'heading', text });
export const paragraph = (...content: readonly Inline[]): Block => ({ kind: 'paragraph', content });
export const fields = (rows: readonly FieldRow[]): Block => ({ kind: 'fields', rows });
export const field = (label: string, ...value: readonly Inline[]): FieldRow => ({ label, value });
export const link = (url: string, inputField = 'url'): LinkInline => ({
  kind: 'link',
  url: webUrl(url, inputField),
});
export const strong = (text: string): StrongInline => ({ kind: 'strong', text });

// Chinese punctuation uses the full-width colon with no space after it.
const labelSeparator: Record<Language, string> = { 'zh-CN': '：', en: ': ' };

// Field values sit on one line in both bodies; paragraphs may span lines (a letter, a remedy).
const inlineText = (content: readonly Inline[], lines: 'single' | 'multi'): string => {
  const joined = content
    .map((part) =>
      typeof part === 'string' ? part : singleLine(part.kind === 'link' ? part.url : part.text),
    )
    .join('');
  return lines === 'single' ? singleLine(joined) : multiLine(joined);
};

const inlineHtml = (content: readonly Inline[], lines: 'single' | 'multi'): SafeHtml =>
  joinHtml(
    content.map((part) => {
      // Parts keep their edge spaces here: they separate a part from the link or emphasis next to it.
      if (typeof part === 'string') return textWithBreaks(stripControls(part, lines));
      if (part.kind === 'link') return html`<a href="${part.url}">${part.url}</a>`;
      return html`<strong>${singleLine(part.text)}</strong>`;
    }),
  );

const blockText = (block: Block, language: Language): string => {
  switch (block.kind) {
    case 'heading':
      return singleLine(block.text);
    case 'paragraph':
      return inlineText(block.content, 'multi');
    case 'fields':
      return block.rows
        .map((row) => `${singleLine(row.label)}${labelSeparator[language]}${inlineText(row.value, 'single')}`)
        .join('\n');
  }
};

const fieldRowHtml = (row: FieldRow): SafeHtml =>
  html`<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:600">${singleLine(row.label)}</th><td style="padding:2px 0">${inlineHtml(row.value, 'single')}</td></tr>`;

const blockHtml = (block: Block): SafeHtml => {
  switch (block.kind) {
    case 'heading':
      return html`<h2 style="font-size:18px;margin:0 0 16px">${singleLine(block.text)}</h2>`;
    case 'paragraph':
      return html`<p style="margin:0 0 12px">${inlineHtml(block.content, 'multi')}</p>`;
    case 'fields':
      return html`<table role="presentation" style="border-collapse:collapse;margin:0 0 12px">${block.rows.map(fieldRowHtml)}</table>`;
  }
};

/** Plain-text body: blocks separated by a blank line, fields as `label: value` lines. */
export const renderBlocksText = (blocks: readonly Block[], language: Language): string =>
  blocks.map((block) => blockText(block, language)).join('\n\n');

export const renderBlocksHtml = (blocks: readonly Block[]): SafeHtml =>
  joinHtml(blocks.map(blockHtml), html`\n`);
