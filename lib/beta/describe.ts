/** Turns a field error into its sentence in the copy's language (kept apart from copy.ts so the browser gets one language only). */
import type { BetaCopy } from './copy';
import { LIMITS, type Field } from './fields';
import type { FieldError } from './schema';

export function describeError(copy: Pick<BetaCopy, 'errors' | 'fields'>, error: FieldError): string {
  const field = copy.fields[error.param as Field];
  const limits = LIMITS[error.param as keyof typeof LIMITS];
  return copy.errors[error.reason]
    .replace('{label}', field ? field.label : error.param)
    .replace('{min}', String(limits?.min ?? ''))
    .replace('{max}', String(limits?.max ?? ''));
}
