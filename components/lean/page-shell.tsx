/** The frame of a content page: breadcrumb, title, body, a static table of contents, and previous/next links. */
import type { ReactNode } from 'react';

export interface TocEntry {
  title: ReactNode;
  url: string;
  depth: number;
}
export interface Neighbour {
  name: ReactNode;
  url: string;
}

export function PageShell(props: {
  title: string;
  description?: string;
  breadcrumb?: { name: ReactNode; url?: string }[];
  toc?: TocEntry[];
  lastModified?: Date;
  previous?: Neighbour;
  next?: Neighbour;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const toc = (props.toc ?? []).filter((t) => t.depth <= 3);
  return (
    <div className="flex w-full min-w-0 gap-8">
      <article className="min-w-0 flex-1 py-8">
        {props.breadcrumb?.length ? (
          <nav aria-label="Breadcrumb" className="mb-3 flex flex-wrap gap-1 text-sm text-fd-muted-foreground">
            {props.breadcrumb.map((b, i) => (
              <span key={i} className="after:ms-1 after:content-['/'] last:after:content-none">
                {b.url ? (
                  <a href={b.url} className="hover:text-fd-foreground">
                    {b.name}
                  </a>
                ) : (
                  b.name
                )}
              </span>
            ))}
          </nav>
        ) : null}
        <h1 className="text-3xl font-semibold tracking-tight">{props.title}</h1>
        {props.description ? <p className="mt-2 text-lg text-fd-muted-foreground">{props.description}</p> : null}
        <div className="prose mt-8 max-w-none">{props.children}</div>
        {props.footer}
        <footer className="mt-12 border-t pt-6 text-sm">
          {props.lastModified ? (
            <p className="mb-4 text-fd-muted-foreground">
              Last updated on{' '}
              <time dateTime={props.lastModified.toISOString()}>
                {props.lastModified.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}
              </time>
            </p>
          ) : null}
          <div className="grid gap-3 sm:grid-cols-2">
            {props.previous ? (
              <a href={props.previous.url} rel="prev" className="rounded-lg border p-3 hover:bg-fd-accent">
                <span className="block text-xs text-fd-muted-foreground">Previous</span>
                {props.previous.name}
              </a>
            ) : (
              <span />
            )}
            {props.next ? (
              <a href={props.next.url} rel="next" className="rounded-lg border p-3 text-end hover:bg-fd-accent">
                <span className="block text-xs text-fd-muted-foreground">Next</span>
                {props.next.name}
              </a>
            ) : null}
          </div>
        </footer>
      </article>
      {toc.length > 1 ? (
        <aside className="sticky top-14 hidden h-[calc(100vh-3.5rem)] w-56 shrink-0 overflow-y-auto py-8 text-sm xl:block">
          <p className="mb-2 font-medium">On this page</p>
          <ul className="flex flex-col gap-1.5">
            {toc.map((t) => (
              <li key={t.url} style={{ paddingInlineStart: `${(t.depth - 2) * 0.75}rem` }}>
                <a href={t.url} className="text-fd-muted-foreground hover:text-fd-foreground">
                  {t.title}
                </a>
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
    </div>
  );
}
