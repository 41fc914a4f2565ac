/**
 * POST /api/beta-access over HTTP against the production build on PostgreSQL: bad input of every kind is a
 * 4xx that names the field and writes no row; duplicates return the existing reference; the rate limit answers
 * 429; 100 concurrent submissions of 50 companies end as exactly 50 rows. Rows are counted through lib/db.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '@/lib/db';
import { REFERENCE_PATTERN } from '@/lib/beta/reference';
import { checkOneReferencePerCompany, cif, concurrentSubmissions, requestBody } from '../helpers/beta';

const baseURL = inject('baseURL');
let database: Database;

beforeAll(async () => {
  database = await openDatabase({ url: inject('databaseURL') });
});
afterAll(async () => {
  await database?.close();
});

const counts = async () => {
  const r = await database.query<{ requests: number; outbox: number }>(
    'SELECT (SELECT count(*)::int FROM beta_requests) AS requests, (SELECT count(*)::int FROM outbox) AS outbox',
  );
  return r.rows[0];
};

// Each call comes from its own client address (the X-Forwarded-For a proxy would set), so that the per-IP
// limit only bites where a test means it to.
let nextIp = 0;
const freshIp = () => {
  nextIp++;
  return `198.19.${Math.floor(nextIp / 250)}.${(nextIp % 250) + 1}`;
};

async function post(body: unknown, { type = 'application/json', ip = freshIp(), raw = false } = {}) {
  const payload = raw
    ? String(body)
    : type === 'application/json'
      ? JSON.stringify(body)
      : new URLSearchParams(body as Record<string, string>).toString();
  const res = await fetch(`${baseURL}/api/beta-access`, {
    method: 'POST',
    headers: { 'Content-Type': type, 'X-Forwarded-For': ip },
    body: payload,
  });
  const text = await res.text();
  let json: { data?: { reference: string; status: string; duplicate?: boolean }; message?: string; error?: Record<string, unknown> } = {};
  try {
    json = JSON.parse(text);
  } catch {
    /* keep {} */
  }
  return { status: res.status, headers: res.headers, json };
}

const big = (n: number) => 'a'.repeat(n);

const badInput: [string, unknown, number, string | null, { type?: string; raw?: boolean }?][] = [
  ['an empty object', {}, 422, 'legal_name'],
  ['no tax ID', requestBody(1, { tax_id: undefined }), 422, 'tax_id'],
  ['no e-mail', requestBody(1, { email: undefined }), 422, 'email'],
  ['no consent', requestBody(1, { consent: undefined }), 422, 'consent'],
  ['consent refused', requestBody(1, { consent: false }), 422, 'consent'],
  ['a blank legal name', requestBody(1, { legal_name: '   ' }), 422, 'legal_name'],
  ['a number as the legal name', requestBody(1, { legal_name: 12345 }), 422, 'legal_name'],
  ['an object as the e-mail', requestBody(1, { email: { $ne: null } }), 422, 'email'],
  ['an array as the role', requestBody(1, { role: ['CTO'] }), 422, 'role'],
  ['a string as consent', requestBody(1, { consent: 'maybe' }), 422, 'consent'],
  ['an unknown use case', requestBody(1, { use_case: 'mining' }), 422, 'use_case'],
  ['an unknown volume', requestBody(1, { monthly_volume: '1000000' }), 422, 'monthly_volume'],
  ['an unknown integration', requestBody(1, { integration: 'python_sdk' }), 422, 'integration'],
  ['an invalid e-mail', requestBody(1, { email: 'lucia@@empresa' }), 422, 'email'],
  ['a CIF with a wrong control digit', requestBody(1, { tax_id: 'B64812739' }), 422, 'tax_id'],
  ['a CIF that must end in a letter', requestBody(1, { tax_id: 'P46193009' }), 422, 'tax_id'],
  ['a NIF with a wrong letter', requestBody(1, { tax_id: '29384756X' }), 422, 'tax_id'],
  ['an NIE with a wrong letter', requestBody(1, { tax_id: 'Y4728391K' }), 422, 'tax_id'],
  ['a tax ID in no known format', requestBody(1, { tax_id: 'ABC' }), 422, 'tax_id'],
  ['an oversize legal name', requestBody(1, { legal_name: big(201) }), 422, 'legal_name'],
  ['oversize details', requestBody(1, { use_case_details: big(2001) }), 422, 'use_case_details'],
  ['an oversize e-mail', requestBody(1, { email: `${big(250)}@empresa.es` }), 422, 'email'],
  ['a script in the legal name', requestBody(1, { legal_name: '<script>alert(1)</script>' }), 422, 'legal_name'],
  [
    'an event handler in the details',
    requestBody(1, { use_case_details: 'Our ERP <img src=x onerror=alert(1)> integration' }),
    422,
    'use_case_details',
  ],
  ['SQL in the contact name', requestBody(1, { contact_name: "x'; DROP TABLE beta_requests; --" }), 422, 'contact_name'],
  ['SQL in the role', requestBody(1, { role: "' OR '1'='1" }), 422, 'role'],
  ['SQL in the details', requestBody(1, { use_case_details: "Robert'); DROP TABLE beta_requests;-- more" }), 422, 'use_case_details'],
  [
    'UNION SELECT in the details',
    requestBody(1, { use_case_details: 'x UNION SELECT email, tax_id FROM beta_requests' }),
    422,
    'use_case_details',
  ],
  ['SQL in the tax ID', requestBody(1, { tax_id: "B64812738' OR 1=1--" }), 422, 'tax_id'],
  ['a filled honeypot', requestBody(1, { website: 'https://cheap-pills.example' }), 422, 'website'],
  ['an unknown field', requestBody(1, { is_admin: true }), 422, 'is_admin'],
  ['a JSON array', [requestBody(1)], 422, 'body'],
  ['a JSON string', 'hello', 422, 'body'],
  ['malformed JSON', '{"legal_name": "Talleres",', 400, null, { raw: true }],
  ['an empty JSON body', '', 400, null, { raw: true }],
  ['text/plain', JSON.stringify(requestBody(1)), 415, 'Content-Type', { type: 'text/plain', raw: true }],
  ['multipart/form-data', 'x', 415, 'Content-Type', { type: 'multipart/form-data; boundary=x', raw: true }],
  ['XML', '<request/>', 415, 'Content-Type', { type: 'application/xml', raw: true }],
  ['a body over 32 KB', JSON.stringify(requestBody(1, { use_case_details: big(40_000) })), 413, null, { raw: true }],
  [
    'a form post with a bad CIF',
    requestBody(1, { tax_id: 'A28391465', consent: 'on' }),
    422,
    'tax_id',
    { type: 'application/x-www-form-urlencoded' },
  ],
  ['a form post without consent', requestBody(1, { consent: '' }), 422, 'consent', { type: 'application/x-www-form-urlencoded' }],
];

describe('bad input', () => {
  it.each(badInput)('refuses %s with %i, names the field, and writes no row', async (_name, body, status, param, options) => {
    const before = await counts();
    const res = await post(body, options);
    expect(res.status).toBe(status);
    const error = res.json.error as Record<string, unknown>;
    expect(error).toMatchObject({ type: 'invalid_request_error', param });
    expect(Object.keys(error)).toEqual(expect.arrayContaining(['type', 'code', 'message', 'param', 'doc_url', 'request_id']));
    expect(error.request_id).toMatch(/^req_[0-9A-Z]{26}$/);
    expect(res.headers.get('x-request-id')).toBe(error.request_id);
    if (status === 422) expect(error.code).toMatch(/^parameter_(invalid|missing|unknown)$/);
    expect(String(error.message).length).toBeGreaterThan(10);
    expect(await counts()).toEqual(before);
  });

  it('uses parameter_missing for absent fields and parameter_invalid for wrong ones', async () => {
    expect((await post(requestBody(1, { tax_id: undefined }))).json.error?.code).toBe('parameter_missing');
    expect((await post(requestBody(1, { tax_id: 'B64812739' }))).json.error?.code).toBe('parameter_invalid');
  });

  it('lists every field to fix, and says what is wrong with a tax ID', async () => {
    const res = await post({ tax_id: '29384756X', email: 'x' });
    const errors = res.json.error?.errors as { param: string; message: string }[];
    expect(errors.map((e) => e.param)).toEqual(expect.arrayContaining(['legal_name', 'tax_id', 'email', 'consent']));
    expect(errors.find((e) => e.param === 'tax_id')?.message).toMatch(/letter of this NIF does not match/);
  });

  it('answers in Spanish when asked', async () => {
    const res = await fetch(`${baseURL}/api/beta-access`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'es-ES,es;q=0.9', 'X-Forwarded-For': freshIp() },
      body: JSON.stringify(requestBody(1, { tax_id: 'B64812739' })),
    });
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/CIF no corresponde/);
  });
});

describe('accepted requests', () => {
  it('stores a JSON request once and returns the same reference for the same tax ID', async () => {
    const before = await counts();
    const first = await post(requestBody(7001));
    expect(first.status).toBe(201);
    expect(first.json.data).toEqual({ reference: expect.stringMatching(REFERENCE_PATTERN), status: 'pending' });
    expect(first.headers.get('location')).toBe(`/beta-access/status?ref=${first.json.data?.reference}`);
    expect(await counts()).toEqual({ requests: before.requests + 1, outbox: before.outbox + 2 });

    // The same company again, its tax ID written differently and other details changed.
    const again = await post(requestBody(7001, { tax_id: `es-${cif(7001).toLowerCase()}`, email: 'other@empresa.es' }));
    expect(again.status).toBe(200);
    expect(again.json.data).toEqual({ reference: first.json.data?.reference, status: 'pending', duplicate: true });
    expect(again.json.message).toMatch(/already have/);
    expect(await counts()).toEqual({ requests: before.requests + 1, outbox: before.outbox + 2 });
  });

  it('accepts a form-encoded request, stores text as sent, and keeps the outbox in step', async () => {
    const res = await post(
      requestBody(7002, { consent: 'on', legal_name: "L'Àngel & Fills, S.C.P.", use_case_details: '=SUM(A1) orders < 100 € -> API' }),
      {
        type: 'application/x-www-form-urlencoded',
      },
    );
    expect(res.status).toBe(201);
    const row = (
      await database.query<{ legal_name: string; use_case_details: string; tax_id: string }>(
        'SELECT legal_name, use_case_details, tax_id FROM beta_requests WHERE reference = $1',
        [res.json.data?.reference],
      )
    ).rows[0];
    expect(row).toEqual({ legal_name: "L'Àngel & Fills, S.C.P.", use_case_details: '=SUM(A1) orders < 100 € -> API', tax_id: cif(7002) });
    const outbox = (
      await database.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE subject LIKE '%' || $1 || '%'", [
        res.json.data?.reference,
      ])
    ).rows[0];
    expect(outbox.n).toBe(2);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once an address has sent 10 requests in an hour, and writes nothing', async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < 10; i++) expect((await post({}, { ip })).status).toBe(422);
    const before = await counts();
    const res = await post(requestBody(7003), { ip });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.json.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded' });
    expect(await counts()).toEqual(before);
    expect((await post(requestBody(7003))).status).toBe(201);
  });
});

describe('concurrency', () => {
  it('turns 100 concurrent submissions of 50 companies (each twice) into exactly 50 rows', async () => {
    const before = await counts();
    const { results, ms } = await concurrentSubmissions(baseURL, 8000);
    console.log(`PostgreSQL: 100 concurrent submissions (50 companies × 2) took ${Math.round(ms)} ms`);
    expect(checkOneReferencePerCompany(results)).toEqual([]);
    const after = await counts();
    expect(after.requests - before.requests).toBe(50);
    expect(after.outbox - before.outbox).toBe(100);
    const dupes = await database.query('SELECT tax_id FROM beta_requests GROUP BY tax_id HAVING count(*) > 1');
    expect(dupes.rows).toEqual([]);
  });
});
