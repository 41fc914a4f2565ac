/**
 * Sends a feedback form as JSON and shows the thanks in place. Loaded on the first submit; it only toggles
 * `hidden` on server-rendered elements, so React's tree stays as rendered.
 */
export async function send(form: HTMLFormElement, submitter: HTMLButtonElement | null) {
  const data = new FormData(form);
  const error = form.querySelector<HTMLElement>('[data-feedback-error]');
  for (const b of form.querySelectorAll('button')) b.disabled = true;
  try {
    const res = await fetch('/api/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ page: data.get('page'), helpful: submitter?.value === 'yes', comment: String(data.get('comment') ?? '') }),
    });
    if (!res.ok) throw new Error(String(res.status));
    form.querySelector<HTMLElement>('[data-feedback-fields]')?.setAttribute('hidden', '');
    form.querySelector<HTMLElement>('[data-feedback-thanks]')?.removeAttribute('hidden');
  } catch {
    error?.removeAttribute('hidden');
    for (const b of form.querySelectorAll('button')) b.disabled = false;
  }
}
