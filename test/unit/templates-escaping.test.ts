import { describe, expect, it } from 'vitest';
import { escapeHtml, html, joinHtml, SafeHtml, textWithBreaks } from '../../shared/templates/html.js';
import { multiLine, singleLine, stripControls, truncateText } from '../../shared/templates/plain-text.js';
import { TemplateInputError } from '../../shared/templates/template-errors.js';
import { webUrl } from '../../shared/templates/web-url.js';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes an existing entity again rather than trusting it', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('html tagged template', () => {
  it('escapes every interpolated string', () => {
    const value = '<script>alert(1)</script>';
    expect(html`<p>${value}</p>`.toString()).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('escapes values placed in attributes so they cannot close the quote', () => {
    const url = 'https://x.example/?a=1&b=2" onmouseover="alert(1)';
    expect(html`<a href="${url}">x</a>`.toString()).toBe(
      '<a href="https://x.example/?a=1&amp;b=2&quot; onmouseover=&quot;alert(1)">x</a>',
    );
  });

  it('inserts already-built SafeHtml as is, so fragments compose without double escaping', () => {
    const inner = html`<b>${'a & b'}</b>`;
    expect(html`<p>${inner}</p>`.toString()).toBe('<p><b>a &amp; b</b></p>');
  });

  it('renders numbers, arrays and skips null, undefined and false', () => {
    const items = ['<1>', '2'].map((item) => html`<li>${item}</li>`);
    expect(html`${3}<ul>${items}</ul>${null}${undefined}${false}`.toString()).toBe(
      '3<ul><li>&lt;1&gt;</li><li>2</li></ul>',
    );
  });

  it('joins fragments with a safe separator and turns line breaks into <br>', () => {
    expect(joinHtml([html`a`, html`b`], html`<hr>`).toString()).toBe('a<hr>b');
    expect(textWithBreaks('one <x>\ntwo').toString()).toBe('one &lt;x&gt;<br>two');
  });

  it('cannot be forged from a plain string', () => {
    expect(() => Reflect.construct(SafeHtml, [Symbol('SafeHtml.mint'), '<script>'])).toThrow(TypeError);
  });
});

describe('plain-text cleaning', () => {
  it('flattens CR, LF and other controls in single-line fields so no header can be injected', () => {
    const hostile = 'Fee refund\r\nBcc: attacker@example.com\u0000\u2028X-Evil: 1';
    const cleaned = singleLine(hostile);
    expect(cleaned).toBe('Fee refund Bcc: attacker@example.com X-Evil: 1');
    expect(cleaned).not.toMatch(/[\r\n\u2028]/);
    expect(cleaned.includes('\u0000')).toBe(false);
  });

  it('removes bidirectional overrides that could make text read differently than it is', () => {
    expect(singleLine('abc\u202edcba')).toBe('abc dcba');
    expect(multiLine('abc\u202edcba')).toBe('abcdcba');
  });

  it('keeps line breaks in multi-line text, normalising CRLF and dropping other controls', () => {
    expect(multiLine('first\r\nsecond\rthird\u0007\n\n\n\nfourth  ')).toBe('first\nsecond\nthird\n\nfourth');
  });

  it('leaves edge spaces alone when only neutralising controls', () => {
    expect(stripControls(' a\r\nb ', 'single')).toBe(' a  b ');
    expect(stripControls(' a\r\nb ', 'multi')).toBe(' a\nb ');
  });

  it('truncates long text with an ellipsis, by characters as a reader counts them', () => {
    expect(truncateText('short', 10)).toBe('short');
    expect(truncateText('投诉信用卡年费重复扣收问题', 6)).toBe('投诉信用卡…');
    const family = '👨‍👩‍👧';
    expect(truncateText(`${family}${family}${family}`, 2)).toBe(`${family}…`);
    expect(truncateText('The annual fee was charged twice', 20)).toBe('The annual fee was…');
  });
});

describe('webUrl', () => {
  it('accepts http(s) and returns the parsed form', () => {
    expect(webUrl('https://bank.example/status?ref=RD-1&lang=en')).toBe(
      'https://bank.example/status?ref=RD-1&lang=en',
    );
  });

  it('refuses schemes that run code or carry data, relative URLs and credentials', () => {
    expect(() => webUrl('javascript:alert(1)')).toThrow(TemplateInputError);
    expect(() => webUrl('data:text/html,<script>alert(1)</script>')).toThrow(TemplateInputError);
    expect(() => webUrl('/status/RD-1')).toThrow(TemplateInputError);
    expect(() => webUrl('https://user:pw@bank.example/')).toThrow(TemplateInputError);
  });
});
