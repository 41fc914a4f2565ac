/** The changelog entries, rendered on the server from lib/changelog (the same list feeds the RSS feed). */
import { Markdown } from '@/components/reference/markdown';
import { changelog } from '@/lib/changelog/entries';

const LABEL = { added: 'Added', changed: 'Changed', deprecated: 'Deprecated', removed: 'Removed', docs: 'Docs' } as const;

export function ChangelogEntries() {
  return (
    <div className="not-prose my-6 flex flex-col gap-6">
      {changelog.map((e) => (
        <article key={e.id} id={e.id} className="scroll-mt-20 rounded-xl border p-5 target:border-fd-primary">
          <p className="flex flex-wrap items-center gap-2 text-sm text-fd-muted-foreground">
            <time dateTime={e.date}>
              {new Date(`${e.date}T00:00:00Z`).toLocaleDateString('en-GB', {
                day: 'numeric',
                month: 'long',
                year: 'numeric',
                timeZone: 'UTC',
              })}
            </time>
            <span className="rounded bg-fd-muted px-1.5 py-0.5 text-xs">{LABEL[e.kind]}</span>
          </p>
          <h2 className="mt-1 text-lg font-semibold">
            <a href={`#${e.id}`} className="hover:underline">
              {e.title}
            </a>
          </h2>
          <div className="mt-2 text-sm">
            <Markdown text={e.body} />
          </div>
        </article>
      ))}
    </div>
  );
}
