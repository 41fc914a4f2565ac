/** What the beta-access form shows after a submission: field errors with the values to refill, a failure, or the reference. */
import type { BetaCopy } from './copy';
import { describeError } from './describe';
import { FIELDS, HONEYPOT } from './fields';
import type { FieldError } from './schema';
import type { SubmitOutcome } from './service';

export type FormValues = Record<string, string>;

export type FormState =
  | { status: 'idle' }
  | { status: 'invalid'; errors: Record<string, string>; values: FormValues }
  | { status: 'failed'; message: string; values: FormValues }
  | { status: 'created' | 'existing'; reference: string; legalName: string };

/** The fields of a form post the request is made of; the rest (framework fields, buttons) is dropped. */
export function formValues(entries: Iterable<[string, unknown]>): FormValues {
  const keep = new Set<string>([...FIELDS, HONEYPOT, 'lang']);
  const values: FormValues = {};
  for (const [k, v] of entries) if (keep.has(k) && typeof v === 'string') values[k] = v;
  return values;
}

export function errorMap(copy: Pick<BetaCopy, 'errors' | 'fields'>, errors: readonly FieldError[]): Record<string, string> {
  return Object.fromEntries(errors.map((e) => [e.param, describeError(copy, e)]));
}

export function formState(outcome: SubmitOutcome, values: FormValues, copy: BetaCopy): FormState {
  switch (outcome.kind) {
    case 'rate_limited':
      return { status: 'failed', message: copy.form.rateLimited.replace('{seconds}', String(outcome.retryAfter)), values };
    case 'invalid':
      return { status: 'invalid', errors: errorMap(copy, outcome.errors), values };
    default:
      return { status: outcome.kind, reference: outcome.request.reference, legalName: outcome.request.legal_name };
  }
}
