import { type Language, languages } from '../domain/case/case-types.js';
import { html, joinHtml } from './html.js';
import { type Block, renderBlocksHtml, renderBlocksText } from './message-blocks.js';
import { singleLine } from './plain-text.js';
import { TemplateInputError } from './template-errors.js';

/** What every e-mail template returns; the mail adapter sends exactly this. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * Customer mail always carries both languages, the customer's own first, because the language
 * on file may be wrong and a second reader (family, adviser) may not share it.
 */
export const languageOrder = (primary: Language): readonly [Language, Language] => {
  const other = languages.find((language) => language !== primary) ?? primary;
  return [primary, other];
};

// Mail gateways thread replies by the bracketed reference, so it must be a plain token.
const referencePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const checkedReference = (reference: string): string => {
  if (!referencePattern.test(reference)) {
    throw new TemplateInputError('reference', 'must be letters, digits, dot, dash or underscore');
  }
  return reference;
};

/** `[RD-…] 投诉受理通知 / Complaint received`, customer language first, always one line. */
export const bilingualSubject = (
  reference: string,
  titles: Readonly<Record<Language, string>>,
  primary: Language,
): string => {
  const [first, second] = languageOrder(primary);
  return singleLine(`[${checkedReference(reference)}] ${titles[first]} / ${titles[second]}`);
};

// A plain rule rather than `-- `, which mail clients take for the start of a signature.
const textDivider = '='.repeat(40);

export interface BilingualEmailContent {
  reference: string;
  language: Language;
  titles: Readonly<Record<Language, string>>;
  sections: Readonly<Record<Language, readonly Block[]>>;
}

/** Lays out a bilingual message: customer language, divider, the other language. */
export const renderBilingualEmail = (content: BilingualEmailContent): RenderedEmail => {
  const order = languageOrder(content.language);
  const subject = bilingualSubject(content.reference, content.titles, content.language);

  const text = `${order.map((language) => renderBlocksText(content.sections[language], language)).join(`\n\n${textDivider}\n\n`)}\n`;

  const sections = order.map(
    (language) => html`<div lang="${language}">
${renderBlocksHtml(content.sections[language])}
</div>`,
  );
  const document = html`<!DOCTYPE html>
<html lang="${content.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${subject}</title>
</head>
<body style="margin:0;padding:24px;font-family:Arial,'PingFang SC','Microsoft YaHei',sans-serif;font-size:15px;line-height:1.6;color:#1a1a1a">
${joinHtml(sections, html`\n<hr style="border:0;border-top:1px solid #cccccc;margin:24px 0">\n`)}
</body>
</html>
`;
  return { subject, text, html: document.toString() };
};
