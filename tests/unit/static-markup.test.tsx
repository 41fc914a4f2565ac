import { describe, expect, it } from 'vitest';
import { Fragment } from 'react';
import { renderStaticMarkup } from '@/lib/html/static-markup';

function Item({ name }: { name: string }) {
  return <li className="item">{name}</li>;
}
async function Later({ text }: { text: string }) {
  await new Promise((r) => setTimeout(r, 1));
  return <em>{text}</em>;
}

describe('renderStaticMarkup', () => {
  it('renders host elements, fragments, arrays and function components to HTML', async () => {
    const html = await renderStaticMarkup(
      <ul id="list" aria-label="Things">
        {['a', 'b'].map((n) => (
          <Item key={n} name={n} />
        ))}
        <Fragment>
          <li>
            <Later text="later" />
          </li>
        </Fragment>
        {null}
        {false}
        {0}
      </ul>,
    );
    expect(html).toBe('<ul id="list" aria-label="Things"><li class="item">a</li><li class="item">b</li><li><em>later</em></li>0</ul>');
  });

  it('escapes text and attribute values', async () => {
    const html = await renderStaticMarkup(<a href={'/x?a=1&b="2"'}>{'<script>alert("x")</script> & \'y\''}</a>);
    expect(html).toBe('<a href="/x?a=1&#38;b=&#34;2&#34;">&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;y&#39;</a>');
  });

  it('writes boolean, style, SVG and void attributes the way browsers read them', async () => {
    const html = await renderStaticMarkup(
      <div>
        <details open className="g">
          <summary>s</summary>
        </details>
        <details open={false} />
        <br />
        <span style={{ marginTop: 4, opacity: 0.5, '--x': 'y' } as React.CSSProperties} />
        <svg viewBox="0 0 1 1" strokeWidth="2" />
        <div dangerouslySetInnerHTML={{ __html: '<b>raw</b>' }} />
      </div>,
    );
    expect(html).toBe(
      '<div><details open="" class="g"><summary>s</summary></details><details></details><br><span style="margin-top:4px;opacity:0.5;--x:y"></span><svg viewBox="0 0 1 1" stroke-width="2"></svg><div><b>raw</b></div></div>',
    );
  });

  it('refuses event handlers and components it cannot run, instead of dropping them', async () => {
    await expect(renderStaticMarkup(<button onClick={() => {}}>x</button>)).rejects.toThrow(/onClick/);
    const clientReference = Object.assign(() => null, { $$typeof: Symbol.for('react.client.reference') });
    await expect(
      renderStaticMarkup(<div>{{ $$typeof: Symbol.for('react.transitional.element'), type: clientReference, props: {} } as never}</div>),
    ).rejects.toThrow(/island/);
  });
});
