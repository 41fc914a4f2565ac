import { codeToHtml } from 'shiki';
import { describe, expect, it } from 'vitest';
import { highlightToHtml } from '@/lib/html/highlight';

const text = (html: string) => html.replace(/<[^>]+>/g, '');
const spans = (html: string) => (html.match(/<span/g) ?? []).length;
const json = JSON.stringify({ data: [{ id: 'inv_1', total: '121.00', paid: true, note: 'a < b & "c"' }], has_more: false }, null, 2);

describe('highlightToHtml', () => {
  it('keeps the text and the coloured tokens, and drops the spans drawn in the default colour', async () => {
    const full = await codeToHtml(json, { lang: 'json', themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false });
    const compact = await highlightToHtml(json, 'json');
    expect(text(compact)).toBe(text(full));
    expect(spans(compact)).toBeLessThan(spans(full) * 0.75);
    // Keys and strings keep their colours in both themes; punctuation inherits the <pre>'s default colour.
    expect(compact).toContain('<span style="--shiki-light:#005CC5;--shiki-dark:#79B8FF">  "data"</span>');
    expect(compact).toContain('<span style="--shiki-light:#032F62;--shiki-dark:#9ECBFF">"a &#x3C; b &#x26; </span>');
    expect(compact).not.toMatch(/<span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8">/i);
  });

  it('keeps the default-colour spans that carry a font style', async () => {
    const code = '# a comment\ncurl https://api.factuarea.com/v1/account';
    const compact = await highlightToHtml(code, 'bash');
    expect(text(compact)).toBe(
      text(await codeToHtml(code, { lang: 'bash', themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false })),
    );
    expect(compact).toMatch(/<span style="[^"]+">\s*# a comment<\/span>/);
  });
});
