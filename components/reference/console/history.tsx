'use client';
/** This visit's requests, newest first, across reference pages: show one's response again, or send it again as it was. */
import { useState, useSyncExternalStore } from 'react';
import { ResultView } from './result-view';
import { getHistory, replay, subscribe, type HistoryEntry } from './store';

const EMPTY: HistoryEntry[] = [];

export function History({ base }: { base: string }) {
  const entries = useSyncExternalStore(subscribe, getHistory, () => EMPTY);
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!entries.length) return null;
  const shown = entries.find((e) => e.id === open);
  return (
    <section aria-label="History of this visit’s requests" data-console-history="" className="border-t p-3 text-sm">
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-fd-muted-foreground">History (this visit)</h3>
      <ol className="flex flex-col gap-1">
        {entries.map((e) => (
          <li key={e.id} data-history-entry={e.id} className="flex flex-wrap items-center gap-2 text-xs">
            <span
              className={`font-mono font-semibold ${e.response && e.response.status < 400 ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}`}
            >
              {e.response?.status ?? 'ERR'}
            </span>
            <code className="min-w-0 flex-1 truncate">{e.label}</code>
            <span className="text-fd-muted-foreground">{Math.round(e.ms)} ms</span>
            {e.replayOf ? <span className="text-fd-muted-foreground">replay</span> : null}
            <button
              type="button"
              onClick={() => setOpen(open === e.id ? null : e.id)}
              className="rounded-md border px-2 py-0.5 hover:bg-fd-accent"
            >
              {open === e.id ? 'Hide' : 'Show'}
            </button>
            <button
              type="button"
              disabled={busy !== null}
              data-replay=""
              onClick={async () => {
                setBusy(e.id);
                setError(null);
                try {
                  const next = await replay(e, base);
                  setOpen(next.id);
                } catch (err) {
                  setError(err instanceof Error ? err.message : String(err));
                } finally {
                  setBusy(null);
                }
              }}
              className="rounded-md border px-2 py-0.5 hover:bg-fd-accent disabled:opacity-50"
            >
              {busy === e.id ? 'Sending…' : 'Replay'}
            </button>
          </li>
        ))}
      </ol>
      {error ? (
        <p role="alert" className="mt-2 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {shown ? (
        <div className="mt-2 overflow-hidden rounded-lg border" data-history-detail="">
          <ResultView entry={shown} />
        </div>
      ) : null}
    </section>
  );
}
