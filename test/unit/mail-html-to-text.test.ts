import { describe, expect, it } from 'vitest';
import { htmlToText, maxConvertedHtmlLength } from '../../shared/domain/mail-intake/html-to-text.js';

describe('HTML mail bodies as text', () => {
  it('shows link text without the link target, and no images', () => {
    const html =
      '<p>See <a href="https://evil.example/login?bank=1">your statement</a> ' +
      '<img src="https://tracker.example/p.gif" alt="logo"> now</p>';
    expect(htmlToText(html)).toBe('See your statement now');
  });

  it('never shows scripts, styles, titles or Outlook XML islands, even unclosed', () => {
    const html =
      '<html><head><title>Mail</title><style>.x{color:red}</style></head><body>' +
      '<!--[if gte mso 9]><xml><o:OfficeDocumentSettings>x</o:OfficeDocumentSettings></xml><![endif]-->' +
      '<script>var s = "</div>"; alert(1)</script><p>Refund please</p><script>alert(2)';
    expect(htmlToText(html)).toBe('Refund please');
  });

  it('draws no empty line for a break that ends a line, or for an empty block, as a browser does', () => {
    // Gmail and QQ end lines with <br> inside the block and write empty divs.
    expect(htmlToText('<div>第一行<br></div><div></div><div>第二行<br></div>')).toBe('第一行\n第二行');
    expect(htmlToText('<div>Hello</div><div><br></div><div>Regards</div>')).toBe('Hello\n\nRegards');
  });

  it('keeps headings as written and sets them and paragraphs apart', () => {
    expect(htmlToText('<h2>Complaint</h2><p>Fee charged twice</p><section>Li Hua</section>')).toBe(
      'Complaint\n\nFee charged twice\n\nLi Hua',
    );
  });

  it('does not overflow on absurdly deep nesting and keeps the words above it', () => {
    const html = `<p>My own words</p>${'<blockquote><div>'.repeat(5000)}old`;
    expect(htmlToText(html).split('\n')[0]).toBe('My own words');
  });

  it('converts only the first part of a huge body', () => {
    const filler = `<p>${'padding '.repeat(100)}</p>`.repeat(Math.ceil(maxConvertedHtmlLength / 800));
    const text = htmlToText(`<p>Start</p>${filler}<p>Beyond the limit</p>`);
    expect(text.startsWith('Start')).toBe(true);
    expect(text).not.toContain('Beyond the limit');
  });
});
