/** The beta-access schema: what it accepts and normalises, and the field errors (code, reason, message) it gives. */
import { describe, expect, it } from 'vitest';
import { copies } from '@/lib/beta/copy';
import { describeError } from '@/lib/beta/describe';
import { FIELDS } from '@/lib/beta/fields';
import { validateBetaRequest } from '@/lib/beta/schema';

const valid = {
  legal_name: 'Talleres Martínez e Hijos, S.L.',
  tax_id: 'B64812738',
  contact_name: "Lucía O'Connor",
  email: 'lucia@talleresmartinez.es',
  role: 'CTO',
  use_case: 'erp_sync',
  use_case_details: 'We issue invoices from our ERP every night: about 40 per run -> the API.',
  monthly_volume: '100-1000',
  integration: 'typescript_sdk',
  consent: true,
};

const errorsOf = (input: unknown) => {
  const r = validateBetaRequest(input);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
};

describe('validateBetaRequest', () => {
  it('accepts a complete request and normalises it', () => {
    const r = validateBetaRequest({ ...valid, tax_id: ' b-64812738 ', email: ' Lucia@TalleresMartinez.es ', legal_name: '  Talleres  ' });
    expect(r).toEqual({ ok: true, value: { ...valid, tax_id: 'B64812738', email: 'lucia@talleresmartinez.es', legal_name: 'Talleres' } });
  });

  it('accepts form-encoded values: strings everywhere, consent "on"', () => {
    const r = validateBetaRequest({ ...valid, consent: 'on', website: '', lang: 'es' });
    expect(r.ok && r.value.consent).toBe(true);
  });

  it('names every missing field with parameter_missing, in form order', () => {
    expect(errorsOf({})).toEqual(
      FIELDS.map((param) => ({
        param,
        code: 'parameter_missing',
        reason: param === 'consent' ? 'consent' : ['use_case', 'monthly_volume', 'integration'].includes(param) ? 'choose' : 'required',
      })),
    );
    expect(errorsOf({ ...valid, legal_name: '   ' })).toEqual([{ param: 'legal_name', code: 'parameter_missing', reason: 'required' }]);
  });

  it.each([
    [{ role: 42 }, 'role', 'wrong_type'],
    [{ consent: 'nope' }, 'consent', 'consent'],
    [{ consent: false }, 'consent', 'consent'],
    [{ consent: 1 }, 'consent', 'wrong_type'],
    [{ use_case: 'crypto' }, 'use_case', 'invalid_choice'],
    [{ monthly_volume: '5' }, 'monthly_volume', 'invalid_choice'],
    [{ integration: 'python_sdk' }, 'integration', 'invalid_choice'],
    [{ email: 'lucia@' }, 'email', 'invalid_email'],
    [{ legal_name: 'x'.repeat(201) }, 'legal_name', 'too_long'],
    [{ use_case_details: 'too short' }, 'use_case_details', 'too_short'],
    [{ use_case_details: 'y'.repeat(2001) }, 'use_case_details', 'too_long'],
    [{ tax_id: 'B64812739' }, 'tax_id', 'cif_check'],
    [{ tax_id: '29384756X' }, 'tax_id', 'nif_check_letter'],
    [{ tax_id: 'hello' }, 'tax_id', 'format'],
    [{ legal_name: '<script>alert(1)</script>' }, 'legal_name', 'characters'],
    [{ contact_name: "x'; DROP TABLE beta_requests; --" }, 'contact_name', 'characters'],
    [{ role: "admin' OR '1'='1" }, 'role', 'characters'],
    [{ legal_name: "admin'--" }, 'legal_name', 'code'],
    [{ use_case_details: '<img src=x onerror=alert(1)> and some more text' }, 'use_case_details', 'code'],
    [{ use_case_details: "Robert'); DROP TABLE beta_requests;-- and more" }, 'use_case_details', 'code'],
    [{ use_case_details: '1 UNION SELECT email FROM beta_requests -- long enough' }, 'use_case_details', 'code'],
    [{ legal_name: 'Tab\there' }, 'legal_name', 'characters'],
    [{ website: 'https://spam.example' }, 'website', 'honeypot'],
    [{ company: 'x' }, 'company', 'unknown'],
  ])('refuses %j: %s (%s)', (patch, param, reason) => {
    const errors = errorsOf({ ...valid, ...patch });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ param, reason });
    expect(errors[0].code).toBe(reason === 'unknown' ? 'parameter_unknown' : 'parameter_invalid');
  });

  it('refuses a body that is not an object', () => {
    expect(errorsOf([valid])).toEqual([{ param: 'body', code: 'parameter_invalid', reason: 'wrong_type' }]);
    expect(errorsOf('x')[0].param).toBe('body');
  });

  it('keeps ordinary prose, arrows and less-than signs in the free text', () => {
    expect(
      validateBetaRequest({ ...valid, use_case_details: 'Orders < 100 € go straight to the API; others wait for review -> ok.' }).ok,
    ).toBe(true);
  });
});

describe('error messages', () => {
  it('say what is wrong, in English and Spanish, with the field label and limits', () => {
    const [e] = errorsOf({ ...valid, legal_name: 'x'.repeat(201) });
    expect(describeError(copies.en, e)).toBe('“Legal name of the company” can have at most 200 characters.');
    expect(describeError(copies.es, e)).toBe('El campo «Razón social» admite como mucho 200 caracteres.');
    const [t] = errorsOf({ ...valid, tax_id: '29384756X' });
    expect(describeError(copies.en, t)).toMatch(/letter of this NIF does not match/);
  });
  it('exist for every reason in both languages', () => {
    expect(Object.keys(copies.es.errors).sort()).toEqual(Object.keys(copies.en.errors).sort());
  });
});
