'use client';
/**
 * The request console, loaded only when the reader opens "Try it": whose key is in use, the operation's path,
 * query and header parameters prefilled from the reference's example, an Idempotency-Key for writes, the body as
 * JSON (or multipart fields), Send through /api/proxy, the response, and this visit's history.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ConsoleParam, ConsoleSpec } from '@/lib/console/spec';
import type { SentRequest } from '@/lib/console/snippets';
import { History } from './console/history';
import { KeyPanel } from './console/key-panel';
import { ResultView } from './console/result-view';
import {
  clearLegacyStorage,
  FORM_DATA,
  getOwnKey,
  loadSession,
  maskKey,
  send,
  uuidv7,
  type HistoryEntry,
  type SessionInfo,
} from './console/store';

export interface ConsoleProps {
  spec: ConsoleSpec;
}

const id = (p: Pick<ConsoleParam, 'in' | 'name'>) => `console-${p.in}-${p.name}`;
const inputClass = 'min-w-0 flex-1 rounded-md border bg-fd-background px-2 py-1 font-mono text-xs';

function ParamInput({ param, value, onChange }: { param: ConsoleParam; value: string; onChange: (v: string) => void }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={id(param)} className="w-44 shrink-0 truncate font-mono text-xs" title={param.type}>
        {param.name}
        {param.required ? <span className="text-red-600 dark:text-red-400"> *</span> : null}
      </label>
      {param.enum ? (
        <select id={id(param)} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass}>
          {param.required ? null : <option value="">(not sent)</option>}
          {param.enum.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      ) : (
        <input id={id(param)} value={value} placeholder={param.type} onChange={(e) => onChange(e.target.value)} className={inputClass} />
      )}
    </div>
  );
}

function Group({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-2 border-t p-3">
      <legend className="sr-only">{title}</legend>
      <p className="text-xs font-semibold uppercase tracking-wide text-fd-muted-foreground">{title}</p>
      {children}
    </fieldset>
  );
}

export default function ConsoleIsland({ spec }: ConsoleProps) {
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(spec.params.map((p) => [id(p), p.value])));
  const [idempotencyKey, setIdempotencyKey] = useState('');
  const example = spec.body?.mediaType === 'application/json' ? spec.body.example : '';
  const [json, setJson] = useState(example);
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<HistoryEntry | null>(null);

  useEffect(() => {
    clearLegacyStorage();
    if (spec.idempotent) setIdempotencyKey(uuidv7());
    loadSession().then(setSession, (e: unknown) => setStartError(e instanceof Error ? e.message : String(e)));
  }, [spec.idempotent]);

  const jsonError = useMemo(() => {
    if (spec.body?.mediaType !== 'application/json' || json.trim() === '') return null;
    try {
      JSON.parse(json);
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : 'Invalid JSON';
    }
  }, [json, spec.body]);

  if (startError)
    return (
      <p role="alert" className="p-3 text-sm text-red-700 dark:text-red-400">
        {startError}
      </p>
    );
  if (!session) return <p className="p-3 text-sm text-fd-muted-foreground">Starting the console…</p>;

  const base = new URL(session.base, window.location.origin).href.replace(/\/$/, '');
  const byIn = (where: ConsoleParam['in']) => spec.params.filter((p) => p.in === where);
  const path = spec.path.replace(
    /\{([^}]+)\}/g,
    (_, name: string) => encodeURIComponent(values[`console-path-${name}`] ?? '') || `{${name}}`,
  );
  const query = new URLSearchParams(
    byIn('query').flatMap((p) => (values[id(p)] ? [[p.name, values[id(p)]] as [string, string]] : [])),
  ).toString();
  const target = `${base}${path}${query ? `?${query}` : ''}`;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setProblem(null);
    const missing = spec.params.filter((p) => p.required && !values[id(p)]).map((p) => p.name);
    if (missing.length) return setProblem(`Fill in ${missing.join(', ')}.`);
    if (jsonError) return setProblem(`The body is not valid JSON: ${jsonError}`);
    const headers: [string, string][] = [['Accept', 'application/json']];
    let body: BodyInit | undefined;
    let recorded: string | undefined;
    if (spec.body?.mediaType === 'application/json' && json.trim() !== '') {
      headers.push(['Content-Type', 'application/json']);
      body = recorded = json;
    } else if (spec.body?.mediaType === 'multipart/form-data') {
      const form = new FormData();
      for (const f of spec.body.fields) {
        const file = files[f.name];
        if (f.binary && file) form.append(f.name, file);
        else if (!f.binary && texts[f.name]) form.append(f.name, texts[f.name]);
      }
      body = form;
      recorded = FORM_DATA;
    }
    if (spec.idempotent && idempotencyKey) headers.push(['Idempotency-Key', idempotencyKey]);
    for (const p of byIn('header')) if (values[id(p)]) headers.push([p.name, values[id(p)]]);
    const own = getOwnKey();
    const request: SentRequest = {
      method: spec.method,
      url: target,
      headers,
      ...(recorded !== undefined ? { body: recorded } : {}),
      key: own ? { owner: 'own', masked: maskKey(own) } : { owner: 'site' },
    };
    setSending(true);
    try {
      setResult(await send(request, body, session!.base));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setSending(false);
    }
  }

  const set = (key: string) => (v: string) => setValues((prev) => ({ ...prev, [key]: v }));
  const optionalQuery = byIn('query').filter((p) => !p.required && !p.value);
  const shownQuery = byIn('query').filter((p) => p.required || p.value);

  return (
    <div data-console="">
      <KeyPanel session={session} />
      <form onSubmit={submit} className="text-sm">
        <div className="flex items-center gap-2 p-3">
          <span className="font-mono text-xs font-semibold">{spec.method}</span>
          <code className="min-w-0 flex-1 truncate text-xs" data-console-url="" title={target}>
            {target}
          </code>
          <button
            type="submit"
            disabled={sending}
            className="rounded-lg bg-fd-primary px-3 py-1.5 text-sm font-medium text-fd-primary-foreground hover:opacity-90 disabled:opacity-50"
          >
            {sending ? 'Sending…' : 'Send'}
          </button>
        </div>
        {problem ? (
          <p role="alert" className="px-3 pb-3 text-xs text-red-700 dark:text-red-400">
            {problem}
          </p>
        ) : null}
        {result ? <ResultView entry={result} onClose={() => setResult(null)} /> : null}
        {byIn('path').length ? (
          <Group title="Path">
            {byIn('path').map((p) => (
              <ParamInput key={p.name} param={p} value={values[id(p)] ?? ''} onChange={set(id(p))} />
            ))}
          </Group>
        ) : null}
        {byIn('query').length ? (
          <Group title="Query">
            {shownQuery.map((p) => (
              <ParamInput key={p.name} param={p} value={values[id(p)] ?? ''} onChange={set(id(p))} />
            ))}
            {optionalQuery.length ? (
              <details>
                <summary className="cursor-pointer text-xs text-fd-muted-foreground">
                  Optional query parameters ({optionalQuery.length})
                </summary>
                <div className="mt-2 flex flex-col gap-2">
                  {optionalQuery.map((p) => (
                    <ParamInput key={p.name} param={p} value={values[id(p)] ?? ''} onChange={set(id(p))} />
                  ))}
                </div>
              </details>
            ) : null}
          </Group>
        ) : null}
        {spec.idempotent || byIn('header').length ? (
          <Group title="Headers">
            {spec.idempotent ? (
              <div className="flex flex-col gap-1" data-idempotency-field="">
                <div className="flex flex-wrap items-center gap-2">
                  <label htmlFor="console-idempotency-key" className="w-44 shrink-0 font-mono text-xs">
                    Idempotency-Key
                  </label>
                  <input
                    id="console-idempotency-key"
                    value={idempotencyKey}
                    maxLength={64}
                    onChange={(e) => setIdempotencyKey(e.target.value)}
                    className={inputClass}
                  />
                  <button
                    type="button"
                    onClick={() => setIdempotencyKey(uuidv7())}
                    className="rounded-md border px-2 py-1 text-xs hover:bg-fd-accent"
                  >
                    New key
                  </button>
                </div>
                <p className="text-xs text-fd-muted-foreground">
                  Send again with the same key and the API returns the first response, marked <code>Idempotent-Replayed: true</code>.
                </p>
              </div>
            ) : null}
            {byIn('header').map((p) => (
              <ParamInput key={p.name} param={p} value={values[id(p)] ?? ''} onChange={set(id(p))} />
            ))}
          </Group>
        ) : null}
        {spec.body?.mediaType === 'application/json' ? (
          <Group title="Body (JSON)">
            <label htmlFor="console-body" className="sr-only">
              Request body
            </label>
            <textarea
              id="console-body"
              value={json}
              spellCheck={false}
              onChange={(e) => setJson(e.target.value)}
              rows={Math.min(18, Math.max(4, json.split('\n').length))}
              className="w-full rounded-md border bg-fd-background p-2 font-mono text-xs"
            />
            <div className="flex items-center gap-2 text-xs">
              <button type="button" onClick={() => setJson(example)} className="rounded-md border px-2 py-0.5 hover:bg-fd-accent">
                Reset to the example
              </button>
              {jsonError ? <span className="text-red-700 dark:text-red-400">Not valid JSON: {jsonError}</span> : null}
            </div>
          </Group>
        ) : spec.body?.mediaType === 'multipart/form-data' ? (
          <Group title="Body (multipart form)">
            {spec.body.fields.map((f) => (
              <div key={f.name} className="flex flex-wrap items-center gap-2">
                <label htmlFor={`console-form-${f.name}`} className="w-44 shrink-0 font-mono text-xs">
                  {f.name}
                  {f.required ? <span className="text-red-600 dark:text-red-400"> *</span> : null}
                </label>
                {f.binary ? (
                  <input
                    id={`console-form-${f.name}`}
                    type="file"
                    onChange={(e) => setFiles((prev) => ({ ...prev, [f.name]: e.target.files?.[0] ?? null }))}
                    className="text-xs"
                  />
                ) : (
                  <input
                    id={`console-form-${f.name}`}
                    value={texts[f.name] ?? ''}
                    onChange={(e) => setTexts((prev) => ({ ...prev, [f.name]: e.target.value }))}
                    className={inputClass}
                  />
                )}
              </div>
            ))}
          </Group>
        ) : null}
      </form>
      <History base={session.base} />
    </div>
  );
}
