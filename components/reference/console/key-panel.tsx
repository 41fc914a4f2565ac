'use client';
/**
 * Whose key the console uses, always on screen: the site's (the visitor's own sandbox, or the site's test
 * account) or the visitor's pasted fact_test_ key, shown masked and kept for this visit only. Also "Reset my sandbox".
 */
import { useState, useSyncExternalStore } from 'react';
import { forgetOwnKey, getOwnKey, maskKey, resetSandbox, setOwnKey, subscribe, type SessionInfo } from './store';

export function KeyPanel({ session }: { session: SessionInfo }) {
  const own = useSyncExternalStore(subscribe, getOwnKey, () => null);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  function save() {
    const refused = setOwnKey(draft);
    setDraft('');
    if (refused) setMessage({ text: refused, error: true });
    else {
      setEditing(false);
      setMessage({ text: 'Your key is kept in this tab only, until you close it.', error: false });
    }
  }

  return (
    <div data-key-panel="" className="flex flex-col gap-2 border-b p-3 text-sm">
      <p>
        <span className="text-fd-muted-foreground">Key in use: </span>
        <strong data-key-in-use="">{own ? `Your key ${maskKey(own)}` : session.label}</strong>
      </p>
      {editing ? (
        <div className="flex flex-wrap gap-2">
          <label className="sr-only" htmlFor="console-own-key">
            Your fact_test_ key
          </label>
          <input
            id="console-own-key"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="fact_test_…"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                save();
              }
            }}
            className="min-w-0 flex-1 rounded-md border bg-fd-background px-2 py-1 font-mono text-xs"
          />
          <button type="button" onClick={save} className="rounded-md border px-2 py-1 text-xs font-medium hover:bg-fd-accent">
            Use this key
          </button>
          <button type="button" onClick={() => setEditing(false)} className="rounded-md px-2 py-1 text-xs hover:bg-fd-accent">
            Cancel
          </button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2 text-xs">
          {own ? (
            <button
              type="button"
              onClick={() => (forgetOwnKey(), setMessage(null))}
              className="rounded-md border px-2 py-1 hover:bg-fd-accent"
            >
              Forget my key
            </button>
          ) : (
            <button
              type="button"
              onClick={() => (setEditing(true), setMessage(null))}
              className="rounded-md border px-2 py-1 hover:bg-fd-accent"
            >
              Use my own key
            </button>
          )}
          {session.resettable && !own ? (
            <button
              type="button"
              disabled={busy}
              data-reset-sandbox=""
              onClick={async () => {
                setBusy(true);
                try {
                  await resetSandbox();
                  setMessage({ text: 'Done: your next request starts a fresh sandbox company with the example data.', error: false });
                } catch (error) {
                  setMessage({ text: error instanceof Error ? error.message : 'Reset failed.', error: true });
                } finally {
                  setBusy(false);
                }
              }}
              className="rounded-md border px-2 py-1 hover:bg-fd-accent disabled:opacity-50"
            >
              Reset my sandbox
            </button>
          ) : null}
        </div>
      )}
      {message ? (
        <p
          role={message.error ? 'alert' : 'status'}
          data-key-message=""
          className={`text-xs ${message.error ? 'text-red-700 dark:text-red-400' : 'text-fd-muted-foreground'}`}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
