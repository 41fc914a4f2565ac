/**
 * One API operation, rendered entirely on the server: what it does, scope and irreversibility, every
 * parameter and field, request and response examples, errors, and code samples in five languages.
 */
import type { JsonObject } from '@/lib/openapi/bundle';
import { errorCodesOf, type Operation } from '@/lib/openapi/operations';
import { generateSamples } from '@/lib/openapi/samples';
import { BaseUrlSwitch } from './base-url-switch';
import { CodePanel } from './code-panel';
import { highlight } from './highlight';
import { Markdown } from './markdown';
import { MethodBadge } from './method-badge';
import { SchemaView } from './schema-view';
import { Tabs } from './tabs';
import { TryIt } from './try-it';
import { StaticHtml } from '@/components/lean/static-html';

const PAGINATION = new Set(['Limit', 'StartingAfter', 'EndingBefore']);
const GROUPS: [Operation['parameters'][number]['in'], string][] = [
  ['path', 'Path parameters'],
  ['query', 'Query parameters'],
  ['header', 'Headers'],
];

function ParameterList({ op }: { op: Operation }) {
  return (
    <>
      {GROUPS.map(([where, title]) => {
        const params = op.parameters.filter((p) => p.in === where);
        if (!params.length) return null;
        const paginated = params.some((p) => p.component && PAGINATION.has(p.component));
        return (
          <section key={where} aria-labelledby={`params-${where}`} className="deferred-paint mt-8">
            <h2 id={`params-${where}`} className="text-lg font-semibold">
              {title}
            </h2>
            {paginated ? (
              <p className="mt-1 text-sm text-fd-muted-foreground">
                This list is paginated with cursors: <code>limit</code>, then <code>starting_after</code> with the <code>next_cursor</code>{' '}
                of the previous page. See{' '}
                <a href="/api-reference#pagination" className="text-fd-primary underline">
                  pagination
                </a>
                .
              </p>
            ) : null}
            <ul className="mt-2 text-sm">
              {params.map((p) => (
                <li key={p.name} id={`param-${p.name}`} className="border-b py-2.5 last:border-b-0">
                  <div className="flex flex-wrap items-baseline gap-x-2">
                    <code className="font-semibold">{p.name}</code>
                    <span className="font-mono text-xs text-fd-muted-foreground">
                      {Array.isArray(p.schema.type) ? p.schema.type.join(' | ') : String(p.schema.type ?? 'string')}
                      {p.schema.format ? ` (${String(p.schema.format)})` : ''}
                    </span>
                    {p.required ? <span className="text-xs font-medium text-red-600 dark:text-red-400">required</span> : null}
                    {p.schema.default !== undefined ? (
                      <span className="text-xs text-fd-muted-foreground">default {JSON.stringify(p.schema.default)}</span>
                    ) : null}
                  </div>
                  <div className="mt-0.5 text-fd-muted-foreground">
                    <Markdown text={p.description} />
                    {Array.isArray(p.schema.enum) ? (
                      <p className="mt-1 flex flex-wrap gap-1 text-xs">
                        One of{' '}
                        {p.schema.enum.map((v) => (
                          <code key={String(v)} className="rounded bg-fd-muted px-1">
                            {String(v)}
                          </code>
                        ))}
                      </p>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

export async function OperationPage({ doc, op, tryIt }: { doc: JsonObject; op: Operation; tryIt: React.ComponentProps<typeof TryIt> }) {
  const samples = generateSamples(doc, op);
  const sampleHtml = await Promise.all(samples.map((s) => highlight(s.code, s.lang)));
  const success = op.responses.filter((r) => /^[23]/.test(r.status));
  const errors = op.responses.filter((r) => /^[45]/.test(r.status));
  const exampleTabs = [...success, ...errors].flatMap((r) =>
    r.content
      .filter((c) => c.mediaType.includes('json') && c.examples.length)
      .slice(0, 1)
      .map((c) => ({ id: r.status, label: r.status, json: JSON.stringify(c.examples[0].value, null, 2) })),
  );
  const exampleHtml = await Promise.all(exampleTabs.map((t) => highlight(t.json, 'json')));
  const requestExample = op.requestBody?.content.find((c) => c.examples.length);
  const requestHtml = requestExample ? await highlight(JSON.stringify(requestExample.examples[0].value, null, 2), 'json') : undefined;
  const headers = success.flatMap((r) => r.headers).filter((h, i, a) => a.findIndex((x) => x.name === h.name) === i);
  const codes = errorCodesOf(doc, errors);

  return (
    <div className="py-8">
      <nav aria-label="Breadcrumb" className="mb-3 flex gap-1 text-sm text-fd-muted-foreground">
        <a href="/api-reference" className="hover:text-fd-foreground">
          API reference
        </a>
        <span>/</span>
        <span>{op.tag}</span>
      </nav>
      <h1 className="text-3xl font-semibold tracking-tight">{op.summary}</h1>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <MethodBadge method={op.method} />
        <code className="break-all font-mono text-sm" data-operation-path="">
          {op.path}
        </code>
      </div>
      <div className="mt-3 flex flex-wrap gap-2 text-xs">
        {op.scope ? (
          <span
            className="inline-flex items-center gap-1 rounded-full border border-fd-primary/40 bg-fd-primary/10 px-2.5 py-0.5 font-medium text-fd-primary"
            data-scope={op.scope}
          >
            Scope <code>{op.scope}</code>
          </span>
        ) : null}
        {op.irreversible ? (
          <span className="inline-flex items-center rounded-full border border-red-500/40 bg-red-500/10 px-2.5 py-0.5 font-medium text-red-700 dark:text-red-400">
            Irreversible
          </span>
        ) : null}
        {op.deprecated ? (
          <span className="inline-flex items-center rounded-full border border-amber-500/40 bg-amber-500/10 px-2.5 py-0.5 font-medium">
            Deprecated
          </span>
        ) : null}
        <code className="rounded-full border px-2.5 py-0.5 text-fd-muted-foreground">{op.operationId}</code>
      </div>

      {op.irreversible ? (
        <div role="note" data-irreversible="" className="mt-5 rounded-xl border border-s-4 border-red-500/50 bg-red-500/10 p-4 text-sm">
          <p className="font-semibold">This action cannot be undone</p>
          <p className="mt-1">
            Once it succeeds, Factuarea keeps the change for good (Spanish invoicing rules require it). Try it on a <code>fact_test_</code>{' '}
            key first, and send an <code>Idempotency-Key</code> so a retry never runs it twice.
          </p>
        </div>
      ) : null}

      {/*
        The description and Try it, then the code samples, then the details: the samples come early in the HTML so
        they are painted with the first frame; on wide screens the grid puts them in a sticky column on the right.
      */}
      <div className="mt-6 grid gap-x-10 gap-y-6 xl:gap-y-0 xl:grid-cols-[minmax(0,1fr)_minmax(0,30rem)] xl:grid-rows-[auto_1fr]">
        <div className="min-w-0 xl:col-start-1 xl:row-start-1">
          <StaticHtml>
            <Markdown text={op.description} />
          </StaticHtml>
          <div className="mt-5">
            <TryIt {...tryIt} />
          </div>
        </div>

        <aside
          className="min-w-0 xl:sticky xl:top-20 xl:col-start-2 xl:row-span-2 xl:row-start-1 xl:self-start"
          aria-label="Code samples and examples"
        >
          <div className="mb-2 flex items-center justify-between gap-2">
            <h2 className="text-sm font-semibold">Request</h2>
            <BaseUrlSwitch />
          </div>
          <Tabs label="Code sample language" labels={samples.map((s) => s.label)} ids={samples.map((s) => s.id)} group="lang">
            {sampleHtml.map((html, i) => (
              <CodePanel key={samples[i].id} html={html} />
            ))}
          </Tabs>
          {requestHtml ? (
            <>
              <h2 className="mb-2 mt-6 text-sm font-semibold">Request body example</h2>
              <div className="overflow-hidden rounded-xl border bg-fd-secondary/40">
                <CodePanel html={requestHtml} />
              </div>
            </>
          ) : null}
          {exampleTabs.length ? (
            <>
              <h2 className="mb-2 mt-6 text-sm font-semibold">Response examples</h2>
              <Tabs label="Response status" labels={exampleTabs.map((t) => t.label)} ids={exampleTabs.map((t) => t.id)}>
                {exampleHtml.map((html, i) => (
                  <CodePanel key={exampleTabs[i].id} html={html} />
                ))}
              </Tabs>
            </>
          ) : null}
        </aside>

        {/* Read-only: one HTML string, never hydrated. */}
        <StaticHtml className="min-w-0 xl:col-start-1 xl:row-start-2">
          <ParameterList op={op} />

          {op.requestBody ? (
            <section aria-labelledby="request-body" className="deferred-paint mt-8">
              <h2 id="request-body" className="text-lg font-semibold">
                Request body{' '}
                {op.requestBody.required ? <span className="text-xs font-medium text-red-600 dark:text-red-400">required</span> : null}
              </h2>
              {op.requestBody.content.map((c) => (
                <div key={c.mediaType} className="mt-2">
                  <p className="mb-1 font-mono text-xs text-fd-muted-foreground">{c.mediaType}</p>
                  <SchemaView doc={doc} schema={c.schema} idPrefix="body" />
                </div>
              ))}
            </section>
          ) : null}

          <section aria-labelledby="responses" className="deferred-paint mt-8">
            <h2 id="responses" className="text-lg font-semibold">
              Responses
            </h2>
            {success.map((r) => (
              <div key={r.status} id={`response-${r.status}`} className="mt-3 rounded-xl border p-4">
                <p className="flex items-baseline gap-2">
                  <span className="font-mono text-sm font-semibold text-emerald-700 dark:text-emerald-400">{r.status}</span>
                  <Markdown text={r.description} inline />
                </p>
                {r.content.map((c) => (
                  <div key={c.mediaType} className="mt-2">
                    <p className="mb-1 font-mono text-xs text-fd-muted-foreground">{c.mediaType}</p>
                    {c.mediaType.includes('json') ? (
                      <SchemaView doc={doc} schema={c.schema} idPrefix={`response-${r.status}`} />
                    ) : (
                      <p className="text-sm">The file itself, as binary content.</p>
                    )}
                  </div>
                ))}
              </div>
            ))}
            {errors.length ? (
              <div className="mt-4 overflow-x-auto">
                <table className="w-full text-sm">
                  <thead>
                    <tr className="border-b text-start text-xs text-fd-muted-foreground">
                      <th className="py-2 pe-3 text-start font-medium">Status</th>
                      <th className="py-2 pe-3 text-start font-medium">When</th>
                      <th className="py-2 text-start font-medium">Error codes</th>
                    </tr>
                  </thead>
                  <tbody>
                    {errors.map((r) => (
                      <tr key={r.status} id={`response-${r.status}`} className="border-b align-top last:border-b-0">
                        <td className="py-2 pe-3 font-mono font-semibold text-red-700 dark:text-red-400">{r.status}</td>
                        <td className="py-2 pe-3 text-fd-muted-foreground">
                          <Markdown text={r.description} />
                        </td>
                        <td className="py-2">
                          <ul className="flex flex-col gap-1">
                            {(codes.get(r.status) ?? []).map((c) => (
                              <li key={c}>
                                <a href={`/guides/errors#${c}`} className="font-mono text-xs text-fd-primary underline">
                                  {c}
                                </a>
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="mt-2 text-xs text-fd-muted-foreground">
                  Every error has the same envelope: <code>{'{ "error": { type, code, message, param, doc_url, request_id } }'}</code>.
                  Branch on <code>code</code>, never on <code>message</code>.
                </p>
              </div>
            ) : null}
          </section>

          {headers.length ? (
            <section aria-labelledby="response-headers" className="deferred-paint mt-8">
              <h2 id="response-headers" className="text-lg font-semibold">
                Response headers
              </h2>
              <ul className="mt-2 text-sm">
                {headers.map((h) => (
                  <li key={h.name} className="border-b py-2 last:border-b-0">
                    <code className="font-semibold">{h.name}</code>
                    <div className="text-fd-muted-foreground">
                      <Markdown text={h.description} />
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </StaticHtml>
      </div>
    </div>
  );
}
