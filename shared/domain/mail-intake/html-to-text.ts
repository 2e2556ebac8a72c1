/**
 * Readable plain text from the HTML of a mail, for the case file and for quote stripping.
 * Written for what mail clients produce (Outlook's `<p class=MsoNormal>`, Gmail's `<div>`s,
 * QQ's nested tables), not for arbitrary web pages. Blockquotes become `> ` lines, so HTML
 * reply history is recognised by the same rules as plain-text history.
 */

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  yen: '¥',
  euro: '€',
  pound: '£',
  cent: '¢',
  times: '×',
  divide: '÷',
  deg: '°',
  plusmn: '±',
  sect: '§',
  shy: '',
  zwnj: '',
  zwj: '',
};

const codePoint = (value: number): string =>
  Number.isInteger(value) && value > 0 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff)
    ? String.fromCodePoint(value)
    : '\uFFFD';

/** Named entities need their semicolon (so `AT&T` stays); numeric ones tolerate its absence, as browsers do. */
export const decodeEntities = (text: string): string =>
  text.replace(/&(?:#(\d+);?|#x([0-9a-f]+);?|([a-z][a-z0-9]*);)/gi, (whole, decimal, hex, name) => {
    if (typeof decimal === 'string') return codePoint(Number.parseInt(decimal, 10));
    if (typeof hex === 'string') return codePoint(Number.parseInt(hex, 16));
    if (typeof name === 'string') return namedEntities[name.toLowerCase()] ?? whole;
    return whole;
  });

/** Elements whose content is never shown to a reader of the mail. */
const hiddenElements = new Set(['script', 'style', 'head', 'title', 'template', 'svg', 'xml', 'object']);
const lineBlocks = new Set([
  'address',
  'article',
  'aside',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hr',
  'main',
  'nav',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
]);
const paragraphBlocks = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

// Comments (Outlook hides whole `<xml>` islands in conditional comments), declarations, tags.
// No part of a tag may run past the next `<`, so a stray quote costs a scan to the next tag,
// not to the end of the document: conversion stays linear in the size of the HTML.
const tokenPattern =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"'<]|"[^"<]*"|'[^'<]*')*)>/g;

/** Deeper nesting is drawn at this depth: a reader cannot tell 20 levels from 200, and output stays linear. */
const maxDrawnDepth = 20;

interface ListLevel {
  ordered: boolean;
  count: number;
}

export const htmlToText = (html: string): string => {
  const lines: string[] = [];
  let current = '';
  // Tracked rather than read back from `current`, which can be one very long line.
  let trailingSpace = false;
  let lineHasText = false;
  let lineQuote = 0;
  let quoteDepth = 0;
  let preDepth = 0;
  let blankPending = false;
  const lists: ListLevel[] = [];

  const quotePrefix = (depth: number) => '> '.repeat(Math.min(depth, maxDrawnDepth));
  const pushBlank = () => {
    const blank = quotePrefix(quoteDepth).trimEnd();
    if (lines.length > 0 && lines[lines.length - 1] !== blank) lines.push(blank);
  };
  const startLine = () => {
    if (blankPending) pushBlank();
    blankPending = false;
    lineQuote = quoteDepth;
  };
  const endLine = () => {
    if (lineHasText) lines.push(`${quotePrefix(lineQuote)}${current.trimEnd()}`);
    current = '';
    lineHasText = false;
  };
  const append = (text: string) => {
    if (text === '') return;
    if (!lineHasText) {
      const trimmed = preDepth > 0 ? text : text.replace(/^ +/, '');
      if (trimmed === '') return;
      if (current === '') startLine();
      current += trimmed;
      trailingSpace = trimmed.endsWith(' ');
      lineHasText = true;
      return;
    }
    const piece = trailingSpace && preDepth === 0 ? text.replace(/^ +/, '') : text;
    if (piece === '') return;
    current += piece;
    trailingSpace = piece.endsWith(' ');
  };
  const lineBreak = () => {
    if (lineHasText) endLine();
    else {
      current = '';
      startLine();
      pushBlank();
    }
  };
  const paragraphBreak = () => {
    endLine();
    blankPending = true;
  };

  const addText = (raw: string) => {
    if (preDepth > 0) {
      const segments = decodeEntities(raw).split(/\r?\n/);
      segments.forEach((segment, index) => {
        if (index > 0) lineBreak();
        append(segment);
      });
      return;
    }
    append(decodeEntities(raw.replace(/[ \t\n\r\f]+/g, ' ')));
  };

  const openTag = (name: string) => {
    if (name === 'br') lineBreak();
    else if (paragraphBlocks.has(name) || name === 'pre') {
      paragraphBreak();
      if (name === 'pre') preDepth += 1;
    } else if (name === 'blockquote') {
      endLine();
      quoteDepth += 1;
    } else if (name === 'ul' || name === 'ol') {
      endLine();
      lists.push({ ordered: name === 'ol', count: 0 });
    } else if (name === 'li') {
      endLine();
      const list = lists[lists.length - 1];
      let marker = '- ';
      if (list?.ordered === true) {
        list.count += 1;
        marker = `${list.count}. `;
      }
      startLine();
      current = `${'  '.repeat(Math.min(Math.max(0, lists.length - 1), maxDrawnDepth))}${marker}`;
    } else if (name === 'td' || name === 'th') {
      if (lineHasText) {
        current += trailingSpace ? ' ' : '  ';
        trailingSpace = true;
      }
    } else if (lineBlocks.has(name)) endLine();
  };

  const closeTag = (name: string) => {
    if (paragraphBlocks.has(name) || name === 'pre') {
      if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
      paragraphBreak();
    } else if (name === 'blockquote') {
      endLine();
      quoteDepth = Math.max(0, quoteDepth - 1);
    } else if (name === 'ul' || name === 'ol') {
      endLine();
      lists.pop();
      if (lists.length === 0) blankPending = true;
    } else if (name === 'li' || lineBlocks.has(name)) endLine();
  };

  let position = 0;
  tokenPattern.lastIndex = 0;
  for (let match = tokenPattern.exec(html); match !== null; match = tokenPattern.exec(html)) {
    addText(html.slice(position, match.index));
    position = tokenPattern.lastIndex;
    const name = match[2]?.toLowerCase();
    if (name === undefined) continue;
    if (match[1] === '/') {
      closeTag(name);
      continue;
    }
    const selfClosing = (match[3] ?? '').trimEnd().endsWith('/');
    if (hiddenElements.has(name) && !selfClosing) {
      const closing = new RegExp(`</${name}\\s*>`, 'gi');
      closing.lastIndex = position;
      const close = closing.exec(html);
      position = close === null ? html.length : closing.lastIndex;
      tokenPattern.lastIndex = position;
      continue;
    }
    openTag(name);
  }
  addText(html.slice(position));
  endLine();

  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
};
