'use client';
/**
 * One response in the console: status, time, whose key, the headers that matter (rate limit, request id,
 * idempotent replay), the error code linked to the errors guide, the body, and "copy as" the exact request.
 */
import { useState } from 'react';
import { SNIPPET_LABELS, snippet, type SnippetLang } from '@/lib/console/snippets';
import type { HistoryEntry } from './store';

const KEY_HEADERS = [
  'x-request-id',
  'idempotent-replayed',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'retry-after',
];
const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
/** Codes the proxy answers itself that have a page to read. */
const PROXY_DOCS: Record<string, string> = { live_key_refused: '/guides/test-mode' };

function errorOf(body: string): { code?: string; message?: string } | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    if (parsed && typeof parsed.error === 'object' && parsed.error)
      return {
        code: typeof parsed.error.code === 'string' ? parsed.error.code : undefined,
        message: typeof parsed.error.message === 'string' ? parsed.error.message : undefined,
      };
  } catch {
    /* not JSON */
  }
  return undefined;
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export function CopyAs({ entry }: { entry: HistoryEntry }) {
  const [lang, setLang] = useState<SnippetLang | null>(null);
  const [copied, setCopied] = useState(false);
  const code = lang ? snippet(lang, entry.request) : '';
  return (
    <div data-copy-as="">
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        <span className="text-fd-muted-foreground">Copy as</span>
        {(Object.keys(SNIPPET_LABELS) as SnippetLang[]).map((l) => (
          <button
            key={l}
            type="button"
            aria-pressed={lang === l}
            data-copy-lang={l}
            onClick={() => {
              setLang(l);
              setCopied(false);
              void navigator.clipboard
                ?.writeText(snippet(l, entry.request))
                .then(() => setCopied(true))
                .catch(() => {});
            }}
            className="rounded-md border px-2 py-0.5 font-medium hover:bg-fd-accent aria-pressed:bg-fd-accent"
          >
            {SNIPPET_LABELS[l]}
          </button>
        ))}
        {copied ? <span className="text-fd-muted-foreground">Copied.</span> : null}
      </div>
      {lang ? (
        <pre data-snippet={lang} className="mt-2 max-h-72 overflow-auto rounded-lg border bg-fd-background p-2 text-xs">
          {code}
        </pre>
      ) : null}
    </div>
  );
}

export function ResultView({ entry, onClose }: { entry: HistoryEntry; onClose?: () => void }) {
  const res = entry.response;
  const headers = new Map(res?.headers ?? []);
  const proxyCode = headers.get('x-proxy-error');
  const error = res && res.status >= 400 ? errorOf(res.body) : undefined;
  const keyUsed = entry.request.key.owner === 'own' ? `your key ${entry.request.key.masked ?? ''}` : 'the key held by this site';
  const ok = res && res.status < 400;
  return (
    <div
      data-console-result=""
      data-entry={entry.id}
      data-status={res?.status ?? 'error'}
      className="flex flex-col gap-3 border-y bg-fd-secondary px-3 py-3 text-sm"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span
          className={`font-mono font-semibold ${ok ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}`}
          data-result-status=""
        >
          {res ? `${res.status} ${STATUS_TEXT[res.status] ?? ''}`.trim() : 'No response'}
        </span>
        <span className="text-fd-muted-foreground" data-result-time="">
          {Math.round(entry.ms)} ms
        </span>
        {headers.get('idempotent-replayed') === 'true' ? (
          <span data-replayed="" className="rounded-full border border-amber-500/50 bg-amber-500/10 px-2 py-0.5 text-xs font-medium">
            Idempotent-Replayed: the API returned the first response again
          </span>
        ) : null}
        <span className="text-xs text-fd-muted-foreground">Sent with {keyUsed}</span>
        {onClose ? (
          <button type="button" onClick={onClose} className="ms-auto rounded-md border px-2 py-0.5 text-xs hover:bg-fd-accent">
            Close
          </button>
        ) : null}
      </div>
      <p className="break-all font-mono text-xs text-fd-muted-foreground">
        {entry.request.method} {entry.request.url}
      </p>
      {entry.error ? <p className="text-red-700 dark:text-red-400">{entry.error}</p> : null}
      {error?.code ? (
        <p data-error-code={error.code}>
          {proxyCode ? 'Refused by this site’s console proxy: ' : 'Error '}
          {proxyCode ? (
            PROXY_DOCS[proxyCode] ? (
              <a href={PROXY_DOCS[proxyCode]} className="font-mono text-fd-primary underline">
                {error.code}
              </a>
            ) : (
              <code>{error.code}</code>
            )
          ) : (
            <a href={`/guides/errors#${error.code}`} className="font-mono text-fd-primary underline">
              {error.code}
            </a>
          )}
          {error.message ? <span className="block text-fd-muted-foreground">{error.message}</span> : null}
        </p>
      ) : null}
      {res ? (
        <>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 font-mono text-xs" data-key-headers="">
            {KEY_HEADERS.filter((h) => headers.has(h)).map((h) => (
              <div key={h} className="contents">
                <dt className="text-fd-muted-foreground">{h}</dt>
                <dd className="break-all">{headers.get(h)}</dd>
              </div>
            ))}
          </dl>
          <details className="text-xs">
            <summary className="cursor-pointer text-fd-muted-foreground">All headers ({res.headers.length})</summary>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 font-mono">
              {res.headers.map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-fd-muted-foreground">{k}</dt>
                  <dd className="break-all">{v}</dd>
                </div>
              ))}
            </dl>
          </details>
          {res.body ? (
            <pre data-result-body="" className="max-h-96 overflow-auto rounded-lg border bg-fd-background p-2 text-xs">
              {res.binary ? res.body : pretty(res.body)}
              {res.truncated ? '\n… (cut here: the rest is not shown)' : ''}
            </pre>
          ) : null}
        </>
      ) : null}
      <CopyAs entry={entry} />
    </div>
  );
}
