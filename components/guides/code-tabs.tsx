/**
 * Code blocks of one step in several languages, as tabs, with no client JavaScript: each tab is a radio
 * button of one page-wide group (`code-lang`), and CSS shows the chosen language in every tab set of the page
 * at once ("pick your language once"). The labels are the blocks' titles (```ts title="TypeScript"```).
 */
import { Children, Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';

type Block = ReactElement<{ title?: string; children?: ReactNode }>;

/** The code blocks among the children; MDX wraps each highlighted block in a fragment. */
function blocksOf(children: ReactNode): Block[] {
  return Children.toArray(children).flatMap((c) => {
    if (!isValidElement(c)) return [];
    const el = c as Block;
    return el.type === Fragment ? blocksOf(el.props.children) : [el];
  });
}

export const langId = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** The CSS that shows language `id` in every tab set that has it, once a reader picked it. */
function rules(id: string) {
  const chosen = `:root:has(input[name="code-lang"][value="${id}"]:checked) [data-code-tabs]:has(> [data-panel="${id}"])`;
  return [
    `${chosen} > [data-panel]{display:none}`,
    `${chosen} > [data-panel="${id}"]{display:block}`,
    `${chosen} > [role="radiogroup"] label{border-color:transparent;color:var(--color-fd-muted-foreground);font-weight:400}`,
    `${chosen} > [role="radiogroup"] label[data-lang="${id}"]{border-color:var(--color-fd-primary);color:var(--color-fd-foreground);font-weight:500}`,
  ].join('');
}

export function CodeTabs({ children, label = 'Language' }: { children: ReactNode; label?: string }) {
  const blocks = blocksOf(children);
  const labels = blocks.map((b, i) => b.props.title ?? `Example ${i + 1}`);
  const ids = labels.map(langId);
  return (
    <div
      data-code-tabs=""
      className="not-prose my-5 overflow-hidden rounded-xl border bg-fd-secondary/40 [&_figcaption]:hidden [&_figure]:my-0 [&_figure]:rounded-none [&_figure]:border-0"
    >
      <style>{`[data-code-tabs]>[data-panel]:not([data-first]){display:none}${ids.map(rules).join('')}`}</style>
      <div role="radiogroup" aria-label={label} className="flex overflow-x-auto border-b text-sm">
        {ids.map((id, i) => (
          <label
            key={id}
            data-lang={id}
            className={`cursor-pointer whitespace-nowrap border-b-2 px-3 py-2 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 ${i === 0 ? 'border-fd-primary font-medium text-fd-foreground' : 'border-transparent text-fd-muted-foreground hover:text-fd-foreground'}`}
          >
            <input type="radio" name="code-lang" value={id} className="sr-only" />
            {labels[i]}
          </label>
        ))}
      </div>
      {blocks.map((b, i) => (
        <div key={ids[i]} data-panel={ids[i]} data-first={i === 0 ? '' : undefined}>
          {b}
        </div>
      ))}
    </div>
  );
}
