/**
 * "Was this helpful?" at the end of each guide: a plain form that posts to /api/feedback, so it works without
 * JavaScript. With JavaScript, a tiny island sends it in the background and thanks the reader in place.
 */
import { FeedbackForm } from './feedback-form';

export function Feedback({ page }: { page: string }) {
  return (
    <FeedbackForm>
      <input type="hidden" name="page" value={page} />
      <div data-feedback-fields="">
        <p className="font-medium">Was this page helpful?</p>
        <label className="mt-3 block">
          <span className="text-fd-muted-foreground">What was missing or wrong? (optional)</span>
          <textarea name="comment" rows={2} maxLength={2000} className="mt-1 w-full rounded-lg border bg-fd-background px-3 py-2" />
        </label>
        <div className="mt-3 flex items-center gap-2">
          <button type="submit" name="helpful" value="yes" className="rounded-lg border px-3 py-1.5 hover:bg-fd-accent">
            Yes
          </button>
          <button type="submit" name="helpful" value="no" className="rounded-lg border px-3 py-1.5 hover:bg-fd-accent">
            No
          </button>
          <span data-feedback-error="" hidden className="text-red-600">
            Could not send it. Please try again.
          </span>
        </div>
      </div>
      <p data-feedback-thanks="" role="status" hidden>
        Thank you. Your answer was recorded.
      </p>
    </FeedbackForm>
  );
}
