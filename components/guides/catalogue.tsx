/**
 * Tables the guides embed, generated from the OpenAPI document on the server: scopes and their operations,
 * irreversible operations, error types, the error-code catalogue (one anchor per code) and the event catalogue.
 */
import { MethodBadge } from '@/components/reference/method-badge';
import { Markdown } from '@/components/reference/markdown';
import { openapiDocument } from '@/lib/openapi/document';
import { referenceUrl } from '@/lib/openapi/reference';
import {
  errorCodes,
  errorTypes,
  eventAnchor,
  eventFamilies,
  familySlug,
  irreversibleOperations,
  scopeCatalogue,
} from '@/lib/guides/catalogue';

const table = 'not-prose my-5 w-full overflow-x-auto rounded-xl border text-sm';
const th = 'border-b bg-fd-secondary/50 px-3 py-2 text-start font-medium';
const td = 'border-b px-3 py-2 align-top';

function OperationLink({ op }: { op: { method: string; path: string; summary: string; tagSlug: string; operationId: string } }) {
  return (
    <a href={referenceUrl(op)} className="inline-flex flex-wrap items-center gap-1.5 hover:underline">
      <MethodBadge method={op.method} />
      <code className="text-xs">{op.path}</code>
      <span className="text-fd-muted-foreground">{op.summary}</span>
    </a>
  );
}

/** Every scope, with the operations that require it (collapsed), generated from `x-required-scope`. */
export function ScopeTable() {
  const scopes = scopeCatalogue(openapiDocument());
  return (
    <div className={table}>
      <table className="w-full border-collapse">
        <thead>
          <tr>
            <th className={th}>Scope</th>
            <th className={th}>Operations that need it</th>
          </tr>
        </thead>
        <tbody>
          {scopes.map((s) => (
            <tr key={s.scope} id={`scope-${s.scope.replace(':', '-')}`}>
              <td className={`${td} whitespace-nowrap`}>
                <code>{s.scope}</code>
              </td>
              <td className={td}>
                <details>
                  <summary className="cursor-pointer">
                    {s.operations.length} operation{s.operations.length === 1 ? '' : 's'}
                    {s.operations.some((o) => o.irreversible) ? `, ${s.operations.filter((o) => o.irreversible).length} irreversible` : ''}
                  </summary>
                  <ul className="mt-2 flex flex-col gap-1.5">
                    {s.operations.map((op) => (
                      <li key={op.operationId}>
                        <OperationLink op={op} />
                        {op.irreversible ? (
                          <span className="ms-2 rounded bg-red-500/15 px-1.5 py-0.5 text-xs text-red-700 dark:text-red-400">
                            irreversible
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The count of scopes, for prose that must not hard-code it. */
export function ScopeCount() {
  return <>{scopeCatalogue(openapiDocument()).length}</>;
}

/** Every operation marked `x-irreversible`, with its scope. */
export function IrreversibleTable() {
  const ops = irreversibleOperations(openapiDocument());
  return (
    <div className={table}>
      <table className="w-full border-collapse">
        <thead>
          <tr>
            <th className={th}>Operation</th>
            <th className={th}>Scope</th>
          </tr>
        </thead>
        <tbody>
          {ops.map((op) => (
            <tr key={op.operationId}>
              <td className={td}>
                <OperationLink op={op} />
              </td>
              <td className={`${td} whitespace-nowrap`}>
                <code>{op.scope}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function IrreversibleCount() {
  return <>{irreversibleOperations(openapiDocument()).length}</>;
}

/** Error type → HTTP status, from `x-error-types`. */
export function ErrorTypeTable() {
  return (
    <div className={table}>
      <table className="w-full border-collapse">
        <thead>
          <tr>
            <th className={th}>
              <code>type</code>
            </th>
            <th className={th}>HTTP status</th>
            <th className={th}>Meaning</th>
          </tr>
        </thead>
        <tbody>
          {errorTypes(openapiDocument()).map((t) => (
            <tr key={t.type}>
              <td className={`${td} whitespace-nowrap`}>
                <code>{t.type}</code>
              </td>
              <td className={td}>{t.status.join(', ')}</td>
              <td className={td}>
                <Markdown text={t.description} inline />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Every error code with its own anchor (`#<code>`), cause and fix, grouped by type, from `x-error-codes`. */
export function ErrorCodeCatalogue() {
  const doc = openapiDocument();
  const codes = errorCodes(doc);
  const types = errorTypes(doc).filter((t) => codes.some((c) => c.type === t.type));
  return (
    <div className="not-prose my-6 flex flex-col gap-8">
      {types.map((t) => (
        <section key={t.type} aria-labelledby={`type-${t.type}`}>
          <h3 id={`type-${t.type}`} className="mb-3 scroll-mt-20 text-lg font-semibold">
            <code>{t.type}</code>
          </h3>
          <dl className="flex flex-col gap-3">
            {codes
              .filter((c) => c.type === t.type)
              .map((c) => (
                <div
                  key={c.code}
                  id={c.code}
                  className="scroll-mt-20 rounded-xl border p-4 target:border-fd-primary target:bg-fd-primary/5"
                >
                  <dt className="flex flex-wrap items-center gap-2 font-medium">
                    <a href={`#${c.code}`} className="hover:underline">
                      <code>{c.code}</code>
                    </a>
                    <span className="rounded bg-fd-muted px-1.5 py-0.5 text-xs text-fd-muted-foreground">HTTP {c.status}</span>
                  </dt>
                  <dd className="mt-2 text-sm">
                    <p>
                      <span className="font-medium">Cause. </span>
                      <Markdown text={c.cause} inline />
                    </p>
                    <p className="mt-1">
                      <span className="font-medium">Fix. </span>
                      <Markdown text={c.fix} inline />
                    </p>
                  </dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

/** The event families with their event types, each linking to its family page. */
export function EventCatalogue() {
  const families = eventFamilies(openapiDocument());
  return (
    <div className={table}>
      <table className="w-full border-collapse">
        <thead>
          <tr>
            <th className={th}>Family</th>
            <th className={th}>Event types</th>
          </tr>
        </thead>
        <tbody>
          {families.map((f) => (
            <tr key={f.family}>
              <td className={`${td} whitespace-nowrap`}>
                <a href={`/guides/webhooks/events/${familySlug(f.family)}`} className="font-medium hover:underline">
                  {f.title}
                </a>
              </td>
              <td className={td}>
                <ul className="flex flex-wrap gap-x-3 gap-y-1">
                  {f.events.map((e) => (
                    <li key={e.name}>
                      <a href={`/guides/webhooks/events/${familySlug(f.family)}#${eventAnchor(e.name)}`} className="hover:underline">
                        <code className="text-xs">{e.name}</code>
                      </a>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function EventCount() {
  return <>{eventFamilies(openapiDocument()).reduce((n, f) => n + f.events.length, 0)}</>;
}
