import { compile, type DomNode, type FormatCallback, type SelectorDefinition } from 'html-to-text';

/**
 * Readable plain text from the HTML of a mail, for the case file and for quote stripping, via
 * the `html-to-text` package. Blockquotes become `> ` lines, so HTML reply history is recognised
 * by the same rules as plain-text history. Link targets and images are left out: staff read the
 * words the customer wrote, not URLs a mail may try to get them to open.
 */

/**
 * Only this much HTML is converted. The parser underneath slows quadratically with nesting depth,
 * so a crafted deep mail could run the gateway into its timeout; no real complaint needs more,
 * and the raw mail is kept whole.
 */
export const maxConvertedHtmlLength = 256 * 1024;

/** Content nested deeper is drawn as `...` (in practice old quoted history) rather than overflowing the stack. */
const maxDepth = 256;

/** Never shown to a reader of the mail; Outlook hides `<xml>` islands in conditional comments. */
const hidden = ['head', 'title', 'script', 'style', 'template', 'svg', 'xml', 'object'];

/** Drawn on lines of their own; the package treats several of these as inline. */
const lineBlocks = [
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
  'main',
  'nav',
  'section',
  'summary',
];
/** Set off by an empty line. */
const paragraphs = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** Containers whose last line ends with the container, so a `<br>` closing it adds no empty line. */
const breakContainers = new Set([...lineBlocks, ...paragraphs, 'blockquote', 'body', 'li', 'td', 'th']);

const isBlankText = (node: DomNode | undefined): boolean =>
  node?.type === 'text' && (node.data ?? '').trim() === '';

/**
 * `<div>text<br></div>`: browsers draw no empty line for a break that ends a line of its block
 * (Gmail and QQ write one after nearly every line). `<div><br></div>` is an empty line, kept.
 */
const endsLineOfBlock = (br: DomNode): boolean => {
  const parent = br.parent;
  if (parent?.name === undefined || !breakContainers.has(parent.name)) return false;
  const siblings = parent.children;
  // From the end: adjacent text is merged by the parser, so at most one blank node is skipped.
  let index = siblings.length - 1;
  if (isBlankText(siblings[index])) index -= 1;
  if (siblings[index] !== br) return false;
  index -= 1;
  if (isBlankText(siblings[index])) index -= 1;
  const before = siblings[index];
  return before !== undefined && before.name !== 'br';
};

const mailLineBreak: FormatCallback = (elem, _walk, builder) => {
  if (!endsLineOfBlock(elem)) builder.addLineBreak();
};

/** A block, except that an empty one (`<div></div>`, QQ writes them) takes no line, as in a browser. */
const mailBlock: FormatCallback = (elem, walk, builder, options) => {
  if (elem.children.every(isBlankText)) return;
  builder.openBlock({ leadingLineBreaks: options.leadingLineBreaks ?? 1 });
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: options.trailingLineBreaks ?? 1 });
};

const lineBreaks = { leadingLineBreaks: 1, trailingLineBreaks: 1 };

const selectors: SelectorDefinition[] = [
  ...hidden.map((selector) => ({ selector, format: 'skip' })),
  ...lineBlocks.map((selector) => ({ selector, format: 'mailBlock', options: lineBreaks })),
  ...paragraphs.map((selector) => ({
    selector,
    format: 'mailBlock',
    options: { leadingLineBreaks: 2, trailingLineBreaks: 2 },
  })),
  // A gap between lines, not a row of dashes that could read as a history separator.
  { selector: 'hr', format: 'block', options: lineBreaks },
  { selector: 'br', format: 'mailLineBreak' },
  { selector: 'a', options: { ignoreHref: true } },
  { selector: 'img', format: 'skip' },
  { selector: 'ul', options: { itemPrefix: '- ' } },
  // Nested quotes stay adjacent (`> Question?` then `> > Older`), as mail clients write them.
  { selector: 'blockquote', options: lineBreaks },
  // Mail tables are mostly layout (QQ nests them); aligned columns would pad text with runs of
  // spaces, so each row is one line with its cells side by side.
  { selector: 'table', format: 'block', options: lineBreaks },
  { selector: 'tr', format: 'block', options: lineBreaks },
  { selector: 'td', format: 'inlineSurround', options: { suffix: '  ' } },
  { selector: 'th', format: 'inlineSurround', options: { suffix: '  ' } },
];

const convert = compile({
  wordwrap: false,
  // The whole document, not only <body>: mail HTML often has text outside it.
  baseElements: { selectors: [], returnDomByDefault: true },
  // Outlook pads with &nbsp;; read as spacing, it collapses like any other.
  whitespaceCharacters: ' \t\r\n\f\u200b\u00a0',
  limits: { maxDepth, maxInputLength: maxConvertedHtmlLength },
  formatters: { mailLineBreak, mailBlock },
  selectors,
});

export const htmlToText = (html: string): string =>
  convert(html.slice(0, maxConvertedHtmlLength))
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    // Leading spaces of the first line stay: they align an ordered list's numbers.
    .replace(/^\n+/, '')
    .trimEnd();
