import type { Metadata } from 'next';
import { Markdown } from '@/components/reference/markdown';
import { MethodBadge } from '@/components/reference/method-badge';
import { openapiDocument } from '@/lib/openapi/document';
import { listOperations, tagSlug } from '@/lib/openapi/operations';
import { referenceUrl } from '@/lib/openapi/reference';

export const metadata: Metadata = {
  title: 'API reference',
  description: 'Every operation of the Factuarea API v1: parameters, fields, examples, errors, scopes and code samples.',
};

export default function ReferenceIndex() {
  const doc = openapiDocument();
  const info = doc.info as { description?: string };
  const tags = (doc.tags ?? []) as { name: string; description?: string }[];
  const groups = (doc['x-tagGroups'] ?? []) as { name: string; tags: string[] }[];
  const ops = listOperations(doc);
  return (
    <div className="max-w-4xl py-8">
      <h1 className="text-3xl font-semibold tracking-tight">API reference</h1>
      <p className="mt-2 text-lg text-fd-muted-foreground">
        {ops.length} operations of the Factuarea API v1. Base URL <code>https://api.factuarea.com/v1</code>.
      </p>
      <div className="mt-6">
        <Markdown text={info.description} />
      </div>
      <section aria-labelledby="pagination" className="mt-8 rounded-xl border p-5">
        <h2 id="pagination" className="text-lg font-semibold">
          Pagination
        </h2>
        <p className="mt-2 text-sm">
          Lists return <code>{'{ "data": [...], "has_more", "next_cursor" }'}</code>, newest first. Ask for up to 100 objects with{' '}
          <code>limit</code> (25 by default). While <code>has_more</code> is <code>true</code>, request the next page with{' '}
          <code>starting_after</code> set to the <code>next_cursor</code> you received; go back with <code>ending_before</code> and the id
          of the first object you hold. The two cursors cannot be combined. There are no page numbers.
        </p>
      </section>
      <section aria-labelledby="headers" className="mt-4 rounded-xl border p-5">
        <h2 id="headers" className="text-lg font-semibold">
          Headers on every response
        </h2>
        <p className="mt-2 text-sm">
          <code>X-Request-Id</code> identifies the request for support. <code>X-RateLimit-Limit</code>, <code>X-RateLimit-Remaining</code>{' '}
          and <code>X-RateLimit-Reset</code> tell you where you stand in the current minute; a <code>429</code> adds{' '}
          <code>Retry-After</code>. <code>Factuarea-Version</code> echoes the version applied.
        </p>
      </section>
      {groups.map((g) => (
        <section key={g.name} className="mt-10">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-fd-muted-foreground">{g.name}</h2>
          {g.tags.map((t) => {
            const tag = tags.find((x) => x.name === t);
            const mine = ops.filter((o) => o.tag === t);
            return (
              <div key={t} id={tagSlug(t)} className="mt-4 rounded-xl border p-5">
                <h3 className="text-lg font-semibold">{t}</h3>
                <div className="mt-1 text-sm text-fd-muted-foreground">
                  <Markdown text={tag?.description} />
                </div>
                <ul className="mt-3 grid gap-1 text-sm sm:grid-cols-2">
                  {mine.map((o) => (
                    <li key={o.operationId}>
                      <a href={referenceUrl(o)} className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-fd-accent">
                        <MethodBadge method={o.method} />
                        {o.summary}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
