/**
 * Cleaning for text that goes into e-mail headers and plain-text bodies. Control characters can
 * inject headers (CR/LF), hide or reorder text (bidirectional overrides) or upset mail clients,
 * so they never pass through; only multi-line text keeps its line breaks.
 */

// C0 and C1 controls (with DEL), Unicode line/paragraph separators, and bidirectional marks,
// embeddings, overrides and isolates (which can make text display in a different order than it reads).
const unsafeInLine = /[\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}]/gu;
// The same minus the line feed, which multi-line text keeps (`[^\P{Cc}\n]` is "a control, not \n").
const unsafeInBody = /[^\P{Cc}\n]|\p{Bidi_Control}/gu;

/**
 * Neutralises controls without touching spacing, for pieces of text that are joined to others.
 * `single`: every control and line break becomes a space. `multi`: line endings become `\n`,
 * tabs become spaces and other controls are removed.
 */
export const stripControls = (text: string, lines: 'single' | 'multi'): string =>
  lines === 'single'
    ? text.replace(unsafeInLine, ' ')
    : text
        .replace(/\r\n?|[\p{Zl}\p{Zp}]/gu, '\n')
        .replace(/\t/g, ' ')
        .replace(unsafeInBody, '');

/** One line: every control or line break becomes a space, runs of white space collapse. */
export const singleLine = (text: string): string => stripControls(text, 'single').replace(/\s+/g, ' ').trim();

/**
 * Several lines: line endings are normalised to `\n`, tabs become spaces, other controls go,
 * trailing spaces are trimmed and more than one blank line in a row is reduced to one.
 */
export const multiLine = (text: string): string =>
  stripControls(text, 'multi')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Shortens text to at most `maxLength` user-perceived characters, ending with an ellipsis.
 * Counts graphemes so that an emoji or a combined character is never cut in half; prefers to
 * break at a space when one is near the end, so English words stay whole.
 */
export const truncateText = (text: string, maxLength: number): string => {
  const clusters = Array.from(graphemes.segment(text), (part) => part.segment);
  if (clusters.length <= maxLength) return text;
  const keep = Math.max(0, maxLength - 1);
  let cut = keep;
  const lastSpace = clusters.lastIndexOf(' ', keep);
  if (lastSpace > keep * 0.8) cut = lastSpace;
  return `${clusters.slice(0, cut).join('').trimEnd()}…`;
};
