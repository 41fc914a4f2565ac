'use client';
/**
 * "Try it": a button that loads the request console only when the reader asks for it. The console's
 * code is reachable only through this dynamic import.
 */
import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { ConsoleProps } from './console-island';

const load = () => import('./console-island');
const Console = dynamic(load, {
  ssr: false,
  loading: () => <p className="p-3 text-sm text-fd-muted-foreground">Loading the console…</p>,
});

export function TryIt(props: ConsoleProps) {
  const [open, setOpen] = useState(false);
  if (open)
    return (
      <div className="not-prose overflow-hidden rounded-xl border bg-fd-card" data-try-it-console="">
        <Console {...props} />
      </div>
    );
  return (
    <div className="not-prose flex items-center gap-3 rounded-xl border bg-fd-card p-3">
      <span className="font-mono text-xs font-semibold uppercase">{props.spec.method}</span>
      <code className="flex-1 truncate text-sm">{props.spec.path}</code>
      <button
        type="button"
        data-try-it=""
        onPointerEnter={() => void load()}
        onFocus={() => void load()}
        onClick={() => setOpen(true)}
        className="rounded-lg bg-fd-primary px-3 py-1.5 text-sm font-medium text-fd-primary-foreground hover:opacity-90"
      >
        Try it
      </button>
    </div>
  );
}
