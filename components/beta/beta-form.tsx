'use client';
/**
 * The beta-access form: server-rendered and posted as a plain form without JavaScript; with it, checks each
 * answer on the spot with the shared schema, and shows errors and the reference without a page load.
 * The schema (zod/mini, ~17 KB gzip) loads on the first focus in the form, not with the page.
 */
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { BetaCopy } from '@/lib/beta/copy';
import { HONEYPOT, INTEGRATIONS, LIMITS, MONTHLY_VOLUMES, USE_CASES, type Field } from '@/lib/beta/fields';
import { errorMap, formValues, type FormState } from '@/lib/beta/form-state';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

let schema: Promise<typeof import('@/lib/beta/schema') | undefined> | undefined;
/** The shared schema, loaded once; undefined if it cannot load (the server still checks everything). */
const loadSchema = () => (schema ??= import('@/lib/beta/schema').catch(() => undefined));

const input =
  'mt-1 block w-full rounded-lg border bg-fd-background px-3 py-2 text-base shadow-sm focus:border-fd-primary focus:outline-none focus:ring-2 focus:ring-fd-ring aria-[invalid=true]:border-red-600';

export function BetaForm({ copy, action }: { copy: BetaCopy; action: Action }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  const serverErrors = state.status === 'invalid' ? state.errors : {};
  const errors = clientErrors ?? serverErrors;
  const values = state.status === 'invalid' || state.status === 'failed' ? state.values : {};
  const done = state.status === 'created' || state.status === 'existing';

  // A new answer from the server moves focus to what the reader needs next: the reference, or the errors.
  useEffect(() => {
    setClientErrors(null);
    if (state.status === 'created' || state.status === 'existing') resultRef.current?.focus();
    else if (state.status !== 'idle') summaryRef.current?.focus();
  }, [state]);

  const check = async (form: HTMLFormElement): Promise<Record<string, string>> => {
    const data = new FormData(form);
    const v = (await loadSchema())?.validateBetaRequest(formValues(data.entries()));
    return !v || v.ok ? {} : errorMap(copy, v.errors);
  };

  /** On leaving a field (or fixing one that is marked), show or clear that field's error only. */
  const recheck = async (name: string, form: HTMLFormElement, onlyIfMarked: boolean) => {
    if (onlyIfMarked && !errors[name]) return;
    const found = await check(form);
    setClientErrors((current) => ({ ...(current ?? serverErrors), [name]: found[name] ?? '' }));
  };

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const found = await check(form);
    if (Object.keys(found).length) {
      setClientErrors(found);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setClientErrors(null);
    startTransition(() => formAction(new FormData(form)));
  };

  const shown = Object.entries(errors).filter(([, m]) => m);
  const describedBy = (name: string, hint: boolean) =>
    [hint ? `h-${name}` : '', errors[name] ? `e-${name}` : ''].filter(Boolean).join(' ') || undefined;
  const common = (name: Field) => ({
    id: `f-${name}`,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': describedBy(name, Boolean(copy.fields[name].hint)),
    onBlur: (e: { currentTarget: { form: HTMLFormElement | null; value: string } }) =>
      e.currentTarget.form && recheck(name, e.currentTarget.form, e.currentTarget.value === '' || name === 'consent'),
    onChange: (e: { currentTarget: { form: HTMLFormElement | null } }) => e.currentTarget.form && recheck(name, e.currentTarget.form, true),
  });

  const label = (name: Field, extra?: ReactNode) => (
    <label htmlFor={`f-${name}`} className="block font-medium">
      {copy.fields[name].label} <span className="text-sm font-normal text-fd-muted-foreground">({copy.form.required})</span>
      {extra}
    </label>
  );
  const after = (name: Field) => (
    <>
      {copy.fields[name].hint ? (
        <p id={`h-${name}`} className="mt-1 text-sm text-fd-muted-foreground">
          {copy.fields[name].hint}
        </p>
      ) : null}
      {errors[name] ? (
        <p id={`e-${name}`} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
          {errors[name]}
        </p>
      ) : null}
    </>
  );

  if (done)
    return (
      <section
        aria-labelledby="result-title"
        className="rounded-xl border border-fd-primary/40 bg-fd-primary/5 p-6"
        data-result={state.status}
      >
        <h2 id="result-title" ref={resultRef} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
          {state.status === 'created' ? copy.result.createdTitle : copy.result.existingTitle}
        </h2>
        <p className="mt-2">{state.status === 'created' ? copy.result.createdBody : copy.result.existingBody}</p>
        <p className="mt-4">
          {copy.result.reference}:{' '}
          <strong className="font-mono text-lg" data-reference="">
            {state.reference}
          </strong>
        </p>
        <a
          className="mt-4 inline-block font-medium text-fd-primary underline"
          href={`/beta-access/status?ref=${state.reference}${copy.lang === 'es' ? '&lang=es' : ''}`}
        >
          {copy.result.statusLink}
        </a>
        <p role="status" className="sr-only">
          {`${state.status === 'created' ? copy.result.createdTitle : copy.result.existingTitle}. ${copy.result.reference}: ${state.reference}`}
        </p>
      </section>
    );

  return (
    <form action={formAction} onSubmit={onSubmit} onFocus={loadSchema} noValidate className="space-y-6" aria-busy={pending || undefined}>
      <input type="hidden" name="lang" value={copy.lang} />
      <div ref={summaryRef} tabIndex={-1} className="focus:outline-none">
        {state.status === 'failed' ? (
          <p role="alert" className="rounded-lg border border-red-600/50 bg-red-50 p-4 text-red-800 dark:bg-red-950 dark:text-red-200">
            {state.message}
          </p>
        ) : null}
        {shown.length ? (
          <div role="alert" className="rounded-lg border border-red-600/50 bg-red-50 p-4 text-red-800 dark:bg-red-950 dark:text-red-200">
            <p className="font-medium">{copy.form.summary}</p>
            <ul className="mt-2 list-disc ps-5">
              {shown.map(([name, message]) => (
                <li key={name}>
                  <a href={`#f-${name}`} className="underline">
                    {message}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>

      <div>
        {label('legal_name')}
        <input
          {...common('legal_name')}
          className={input}
          defaultValue={values.legal_name}
          maxLength={LIMITS.legal_name.max}
          autoComplete="organization"
          required
        />
        {after('legal_name')}
      </div>
      <div>
        {label('tax_id')}
        <input
          {...common('tax_id')}
          className={`${input} font-mono uppercase`}
          defaultValue={values.tax_id}
          maxLength={LIMITS.tax_id.max}
          autoComplete="off"
          spellCheck={false}
          required
        />
        {after('tax_id')}
      </div>
      <div className="grid gap-6 sm:grid-cols-2">
        <div>
          {label('contact_name')}
          <input
            {...common('contact_name')}
            className={input}
            defaultValue={values.contact_name}
            maxLength={LIMITS.contact_name.max}
            autoComplete="name"
            required
          />
          {after('contact_name')}
        </div>
        <div>
          {label('role')}
          <input
            {...common('role')}
            className={input}
            defaultValue={values.role}
            maxLength={LIMITS.role.max}
            autoComplete="organization-title"
            required
          />
          {after('role')}
        </div>
      </div>
      <div>
        {label('email')}
        <input
          {...common('email')}
          type="email"
          className={input}
          defaultValue={values.email}
          maxLength={LIMITS.email.max}
          autoComplete="email"
          required
        />
        {after('email')}
      </div>
      <div>
        {label('use_case')}
        <select {...common('use_case')} className={input} defaultValue={values.use_case ?? ''} required>
          <option value="" disabled>
            {copy.form.choose}
          </option>
          {USE_CASES.map((v) => (
            <option key={v} value={v}>
              {copy.useCases[v]}
            </option>
          ))}
        </select>
        {after('use_case')}
      </div>
      <div>
        {label('use_case_details')}
        <textarea
          {...common('use_case_details')}
          className={input}
          rows={5}
          defaultValue={values.use_case_details}
          maxLength={LIMITS.use_case_details.max}
          required
        />
        {after('use_case_details')}
      </div>
      <div className="grid gap-6 sm:grid-cols-2">
        <div>
          {label('monthly_volume')}
          <select {...common('monthly_volume')} className={input} defaultValue={values.monthly_volume ?? ''} required>
            <option value="" disabled>
              {copy.form.choose}
            </option>
            {MONTHLY_VOLUMES.map((v) => (
              <option key={v} value={v}>
                {copy.volumes[v]}
              </option>
            ))}
          </select>
          {after('monthly_volume')}
        </div>
        <div>
          {label('integration')}
          <select {...common('integration')} className={input} defaultValue={values.integration ?? ''} required>
            <option value="" disabled>
              {copy.form.choose}
            </option>
            {INTEGRATIONS.map((v) => (
              <option key={v} value={v}>
                {copy.integrations[v]}
              </option>
            ))}
          </select>
          {after('integration')}
        </div>
      </div>

      {/* The honeypot: off-screen and out of the tab order; shown only if something filled it in. */}
      <div
        className={errors[HONEYPOT] ? '' : 'absolute -left-[10000px] h-px w-px overflow-hidden'}
        aria-hidden={errors[HONEYPOT] ? undefined : true}
      >
        <label htmlFor={`f-${HONEYPOT}`}>{copy.form.honeypot}</label>
        <input
          id={`f-${HONEYPOT}`}
          name={HONEYPOT}
          type="text"
          tabIndex={-1}
          autoComplete="off"
          defaultValue={values[HONEYPOT]}
          className={input}
          aria-describedby={errors[HONEYPOT] ? `e-${HONEYPOT}` : undefined}
        />
        {errors[HONEYPOT] ? (
          <p id={`e-${HONEYPOT}`} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
            {errors[HONEYPOT]}
          </p>
        ) : null}
      </div>

      <div>
        <div className="flex items-start gap-3">
          <input
            {...common('consent')}
            type="checkbox"
            className="mt-1 size-4 shrink-0 accent-fd-primary"
            defaultChecked={values.consent !== undefined && values.consent !== ''}
            aria-describedby={[errors.consent ? 'e-consent' : '', 'privacy-notice'].filter(Boolean).join(' ')}
            required
          />
          <label htmlFor="f-consent">{copy.fields.consent.label}</label>
        </div>
        {after('consent')}
      </div>

      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-fd-primary px-5 py-2.5 font-medium text-fd-primary-foreground hover:opacity-90 focus:outline-none focus:ring-2 focus:ring-fd-ring focus:ring-offset-2 disabled:opacity-60"
      >
        {pending ? copy.form.submitting : copy.form.submit}
      </button>
    </form>
  );
}
