'use client';
/** The island of the feedback form: sends it in the background (the sending code loads on submit). */
import type { FormEvent, ReactNode } from 'react';

function onSubmit(e: FormEvent<HTMLFormElement>) {
  e.preventDefault();
  const form = e.currentTarget;
  const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
  void import('./feedback-send').then((m) => m.send(form, submitter));
}

export function FeedbackForm({ children }: { children: ReactNode }) {
  return (
    <form
      id="feedback"
      action="/api/feedback"
      method="post"
      onSubmit={onSubmit}
      className="mt-12 rounded-xl border bg-fd-secondary/30 p-4 text-sm"
    >
      {children}
    </form>
  );
}
