'use client';
/**
 * Chooses the base URL the code samples call: production, or the sandbox embedded in this site. It
 * rewrites the URL inside every sample on the page and remembers the choice.
 */
import { useEffect, useState } from 'react';

const KEY = 'factuarea:base';

function apply(choice: string) {
  const url = choice === 'sandbox' ? `${window.location.origin}/sandbox/v1` : 'https://api.factuarea.com/v1';
  document.querySelectorAll<HTMLElement>('[data-base-url]').forEach((el) => {
    el.textContent = url;
  });
}

export function BaseUrlSwitch() {
  const [choice, setChoice] = useState('production');
  useEffect(() => {
    const stored = localStorage.getItem(KEY);
    if (stored === 'sandbox') {
      setChoice(stored);
      apply(stored);
    }
  }, []);
  return (
    <label className="inline-flex items-center gap-2 text-xs text-fd-muted-foreground">
      Base URL
      <select
        data-base-switch=""
        value={choice}
        onChange={(e) => {
          setChoice(e.target.value);
          localStorage.setItem(KEY, e.target.value);
          apply(e.target.value);
        }}
        className="rounded-md border bg-fd-background px-2 py-1 text-fd-foreground"
      >
        <option value="production">Production</option>
        <option value="sandbox">Sandbox (this site)</option>
      </select>
    </label>
  );
}
