/**
 * The embedded sandbox over HTTP against `next start`: the Quickstart flow, 50 concurrent creates with one
 * idempotency key, and the responses validated against the document.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { createValidator } from '@/lib/openapi/check';
import { sandboxSpec } from '@/lib/sandbox/spec';

const spec = sandboxSpec();
const validate = createValidator(spec.doc);
const key = () =>
  `fact_test_${randomBytes(18)
    .toString('base64')
    .replace(/[^0-9A-Za-z]/g, '')
    .padEnd(24, 'x')
    .slice(0, 24)}`;

async function api(method: string, path: string, apiKey: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${inject('baseURL')}/sandbox/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${apiKey}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  const m = spec.match(method, path.split('?')[0]);
  if (m.kind === 'found') {
    const declared = m.op.responses.find((r) => r.status === String(res.status));
    expect(declared, `${method} ${path} ${res.status}`).toBeDefined();
    const schema = declared!.content.find((c) => c.mediaType.includes('json'))!.schema;
    expect(validate(schema, json), `${method} ${path}`).toEqual([]);
  }
  return { status: res.status, headers: res.headers, body: json };
}

describe('the sandbox over HTTP', () => {
  it('runs the Quickstart: account, series and tax, client, invoice, send, pay, list, events', async () => {
    const k = key();
    const account = await api('GET', '/account', k);
    expect(account.status).toBe(200);
    expect(account.headers.get('x-request-id')).toMatch(/^req_/);
    const series = (await api('GET', '/series?document_type=invoice', k)).body.data.find((s: { is_default: boolean }) => s.is_default);
    const tax = (await api('GET', '/taxes?type=vat', k)).body.data.find((t: { rate: number }) => t.rate === 21);
    const client = await api('POST', '/clients', k, {
      name: 'Cafetería Albufera SL',
      tax_id: 'B46123451',
      email: 'pagos@albufera.example',
    });
    expect(client.status).toBe(201);
    const invoice = await api('POST', '/invoices', k, {
      client_id: client.body.data.id,
      series_id: series.id,
      issued_on: '2026-11-20',
      due_on: '2026-12-20',
      lines: [{ description: 'Consultoría técnica (hora)', quantity: 4, unit_price: 65, tax_rate_id: tax.id }],
    });
    expect(invoice.body.data).toMatchObject({ status: 'draft', subtotal: 260, taxes_total: 54.6, total: 314.6 });
    const sent = await api('POST', `/invoices/${invoice.body.data.id}/send`, k, {});
    expect(sent.body.data.status).toBe('sent');
    expect(sent.body.data.number).toMatch(new RegExp(`^${series.code}`));
    const paid = await api('POST', `/invoices/${invoice.body.data.id}/mark-paid`, k, {
      paid_on: '2026-11-25',
      payment_method: 'bank_transfer',
    });
    expect(paid.body.data.status).toBe('paid');
    const list = await api('GET', `/invoices?status=paid&client_id=${client.body.data.id}`, k);
    expect(list.body.data.map((i: { id: string }) => i.id)).toEqual([invoice.body.data.id]);
    const events = await api('GET', '/events?type[in]=invoice.created,invoice.sent,invoice.paid&limit=10', k);
    expect(
      events.body.data
        .filter((e: { aggregate_id: string }) => e.aggregate_id === invoice.body.data.id)
        .map((e: { type: string }) => e.type)
        .sort(),
    ).toEqual(['invoice.created', 'invoice.paid', 'invoice.sent']);
  });

  it('creates exactly one invoice from 50 concurrent POSTs with one Idempotency-Key', async () => {
    const k = key();
    const client = await api('POST', '/clients', k, { name: 'Concurrencia SL', tax_id: 'B46555009' });
    const series = (await api('GET', '/series?document_type=invoice', k)).body.data.find((s: { is_default: boolean }) => s.is_default);
    const body = {
      client_id: client.body.data.id,
      series_id: series.id,
      issued_on: '2026-11-20',
      due_on: '2026-12-20',
      lines: [{ description: 'x', quantity: 1, unit_price: 10, tax_rate: 21 }],
    };
    const idem = `conc-${Date.now()}`;
    const replies = await Promise.all(Array.from({ length: 50 }, () => api('POST', '/invoices', k, body, { 'Idempotency-Key': idem })));
    const ids = new Set(replies.filter((r) => r.status === 201).map((r) => r.body.data.id));
    expect(ids.size).toBe(1);
    expect(replies.filter((r) => r.headers.get('idempotent-replayed') === 'true').length).toBe(
      replies.filter((r) => r.status === 201).length - 1,
    );
    const mine = await api('GET', `/invoices?client_id=${client.body.data.id}&limit=100`, k);
    expect(mine.body.data).toHaveLength(1);
  });

  it('issues a key with fewer scopes and a lower tier at POST /sandbox/keys, on the same company', async () => {
    const k = key();
    const mine = await api('GET', '/account', k);
    const res = await fetch(`${inject('baseURL')}/sandbox/keys`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${k}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ scopes: ['invoices:read'], tier: 'free' }),
    });
    expect(res.status).toBe(201);
    const { data } = await res.json();
    expect(data).toMatchObject({ scopes: ['invoices:read'], tier: 'free', rate_limit_per_minute: 10, quota_per_month: 100 });
    expect(data.company_id).toBe(mine.body.data.company.id);
    const read = await api('GET', '/invoices?limit=1', data.key);
    expect(read.status).toBe(200);
    expect(read.headers.get('x-ratelimit-limit')).toBe('10');
    const refused = await api('GET', '/clients', data.key);
    expect(refused.body.error).toMatchObject({ type: 'authorization_error', code: 'insufficient_scope' });
  });

  it('serves its guide at /guides/sandbox, linked from the navigation and as Markdown', async () => {
    const page = await fetch(`${inject('baseURL')}/guides/sandbox`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('The embedded sandbox');
    expect(html).toMatch(/<a[^>]+href="\/guides\/sandbox"/);
    const md = await fetch(`${inject('baseURL')}/guides/sandbox.md`);
    expect(md.status).toBe(200);
    expect(await md.text()).toContain('/sandbox/keys');
  });
});
