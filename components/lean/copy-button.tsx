'use client';
/** Copies the text of the code block it sits in. */
import { useState } from 'react';

export function CopyButton() {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={copied ? 'Copied' : 'Copy code'}
      className="absolute right-2 top-2 rounded-md border bg-fd-background/80 px-2 py-1 text-xs text-fd-muted-foreground hover:text-fd-foreground"
      onClick={async (e) => {
        const text = e.currentTarget.parentElement?.querySelector('pre')?.textContent ?? '';
        await navigator.clipboard.writeText(text);
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      }}
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}
