/**
 * The one schema of a beta-access request (zod/mini, so the browser can run it too): validates and normalises
 * the input, and turns problems into field errors with the API's codes and a reason the copy can explain.
 */
import * as z from 'zod/mini';
import { HONEYPOT, INTEGRATIONS, LANGS, LIMITS, MONTHLY_VOLUMES, USE_CASES } from './fields';
import { checkTaxId, normalizeTaxId } from './tax-id';

/** Why a field was refused; the copy has a sentence for each. */
export type Reason =
  | 'required'
  | 'choose'
  | 'wrong_type'
  | 'too_short'
  | 'too_long'
  | 'invalid_email'
  | 'invalid_choice'
  | 'characters'
  | 'code'
  | 'consent'
  | 'honeypot'
  | 'unknown'
  | 'format'
  | 'nif_check_letter'
  | 'nie_check_letter'
  | 'cif_check_digit_expected'
  | 'cif_check_letter_expected'
  | 'cif_check';

export interface FieldError {
  param: string;
  code: 'parameter_missing' | 'parameter_invalid' | 'parameter_unknown';
  reason: Reason;
}

/** Letters of any language, digits, spaces and the punctuation of company and person names. */
const NAME_CHARS = /^[\p{L}\p{M}\p{N} .,'’&()/+ºª·"“”«»:-]+$/u;

/**
 * Markup, script URLs and SQL-injection shapes. Storage is parameterised and output escaped either way; this
 * keeps such text out of the team's queue, e-mails and spreadsheet exports, and tells the sender at once.
 */
const CODE_PATTERNS = [
  /<\s*\/?\s*[a-z!?]/i,
  /javascript\s*:/i,
  /\bon[a-z]+\s*=/i,
  /['"`]\s*(;|--|\/\*|\)\s*;)/,
  /['"`]\s*\)?\s*\b(or|and)\b\s*\(?\s*['"`\d]/i,
  /;\s*(drop|delete|insert|update|select|alter|create|truncate|exec|grant|shutdown)\b/i,
  /\bunion\s+(all\s+)?select\b/i,
  /\b(drop|truncate|alter)\s+table\b/i,
  /\/\*[\s\S]*\*\//,
];
export const looksLikeCode = (s: string) => CODE_PATTERNS.some((p) => p.test(s));
// Control characters other than tab and line breaks (which only the free-text field accepts).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const text = (limits: { min: number; max: number }, { multiline = false } = {}) =>
  z.string().check(
    z.trim(),
    z.minLength(limits.min),
    z.maxLength(limits.max),
    z.superRefine((v, ctx) => {
      const bad = multiline ? CONTROL.test(v) : CONTROL.test(v) || /[\t\r\n]/.test(v) || !NAME_CHARS.test(v);
      if (bad) ctx.issues.push({ code: 'custom', message: 'characters', input: v });
      else if (looksLikeCode(v)) ctx.issues.push({ code: 'custom', message: 'code', input: v });
    }),
  );

const TRUE = ['true', 'on', '1', 'yes'];

export const betaRequestSchema = z.strictObject({
  legal_name: text(LIMITS.legal_name),
  tax_id: z.pipe(
    z.string().check(
      z.trim(),
      z.minLength(LIMITS.tax_id.min),
      z.maxLength(LIMITS.tax_id.max),
      z.superRefine((v, ctx) => {
        const r = checkTaxId(v);
        if (!r.valid) ctx.issues.push({ code: 'custom', message: r.problem, input: v });
      }),
    ),
    z.transform(normalizeTaxId),
  ),
  contact_name: text(LIMITS.contact_name),
  email: z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.email.max), z.email(), z.toLowerCase()),
  role: text(LIMITS.role),
  use_case: z.enum(USE_CASES),
  use_case_details: text(LIMITS.use_case_details, { multiline: true }),
  monthly_volume: z.enum(MONTHLY_VOLUMES),
  integration: z.enum(INTEGRATIONS),
  consent: z
    .pipe(
      z.union([z.boolean(), z.string()]),
      z.transform((v) => v === true || (typeof v === 'string' && TRUE.includes(v.toLowerCase()))),
    )
    .check(z.refine((v) => v, { message: 'consent' })),
  [HONEYPOT]: z.optional(z.string().check(z.refine((v) => v === '', { message: 'honeypot' }))),
  lang: z.optional(z.enum(LANGS)),
});

export type BetaRequestInput = z.output<typeof betaRequestSchema>;

type Issue = z.core.$ZodIssue & { input?: unknown };

/** Fields answered by picking one of a list. */
const CHOICES = new Set(['use_case', 'monthly_volume', 'integration']);

function toFieldErrors(issues: readonly Issue[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const add = (e: FieldError) => {
    if (seen.has(e.param)) return;
    seen.add(e.param);
    errors.push(e);
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add({ param: key, code: 'parameter_unknown', reason: 'unknown' });
      continue;
    }
    const param = String(issue.path[0] ?? '');
    const missing = issue.input === undefined || issue.input === null || issue.input === '';
    if (missing && issue.code !== 'custom') {
      add({ param, code: 'parameter_missing', reason: param === 'consent' ? 'consent' : CHOICES.has(param) ? 'choose' : 'required' });
      continue;
    }
    const reason: Reason =
      issue.code === 'custom'
        ? (issue.message as Reason)
        : issue.code === 'too_big'
          ? 'too_long'
          : issue.code === 'too_small'
            ? 'too_short'
            : issue.code === 'invalid_format'
              ? 'invalid_email'
              : issue.code === 'invalid_value'
                ? 'invalid_choice'
                : 'wrong_type';
    add({ param, code: 'parameter_invalid', reason });
  }
  return errors;
}

export type Validation = { ok: true; value: BetaRequestInput } | { ok: false; errors: FieldError[] };

export function validateBetaRequest(input: unknown): Validation {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, errors: [{ param: 'body', code: 'parameter_invalid', reason: 'wrong_type' }] };
  const r = betaRequestSchema.safeParse(input, { reportInput: true });
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: toFieldErrors(r.error.issues as Issue[]) };
}
