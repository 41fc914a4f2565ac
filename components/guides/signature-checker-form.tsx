'use client';
/** The island of the signature checker: runs the check on submit (its code loads then). Without JavaScript the form does nothing. */
import type { FormEvent, ReactNode } from 'react';

function onSubmit(e: FormEvent<HTMLFormElement>) {
  e.preventDefault();
  const form = e.currentTarget;
  void import('./signature-checker-run').then((m) => m.run(form));
}

export function SignatureCheckerForm({ children }: { children: ReactNode }) {
  return (
    <form
      onSubmit={onSubmit}
      data-signature-checker=""
      className="not-prose my-6 flex flex-col gap-3 rounded-xl border bg-fd-secondary/30 p-4 text-sm"
    >
      {children}
    </form>
  );
}
