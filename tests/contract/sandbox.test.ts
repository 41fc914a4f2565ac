/**
 * The sandbox against the document: every response of every call in this file is validated, by one
 * wrapper, against the document's schema for its operation and status (and its declared headers). The
 * scenario touches every stateful resource and every error type the sandbox can produce.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValidator } from '@/lib/openapi/check';
import type { JsonObject } from '@/lib/openapi/bundle';
import { issueKey } from '@/lib/sandbox/keys';
import { sandboxSpec } from '@/lib/sandbox/spec';
import { BASE, inMemorySandbox, type Reply } from '@/tests/helpers/sandbox';

const spec = sandboxSpec();
const validate = createValidator(spec.doc);
const errorSchema = { $ref: '#/components/schemas/Error' };

const checked: { op: string; status: number }[] = [];
const gaps = new Set<string>();
const problems: string[] = [];
const errorTypes = new Set<string>();

/** Validates one reply against the document; collects problems instead of throwing so a scenario keeps going. */
function conform(r: Reply): Reply {
  const path = r.path.split('?')[0];
  const m = spec.match(r.method, path);
  const where = `${r.method} ${r.path} → ${r.status}`;
  if (r.body?.error?.type) errorTypes.add(r.body.error.type);
  if (!r.headers.get('x-request-id')?.match(/^req_[0-9A-HJKMNP-TV-Z]{26}$/)) problems.push(`${where}: X-Request-Id missing or malformed`);
  if (r.body?.error && r.body.error.request_id !== r.headers.get('x-request-id'))
    problems.push(`${where}: error.request_id differs from X-Request-Id`);
  if (m.kind !== 'found') {
    for (const e of validate(errorSchema, r.body)) problems.push(`${where}: ${e}`);
    return r;
  }
  const op = m.op;
  checked.push({ op: op.operationId, status: r.status });
  const declared = op.responses.find((x) => x.status === String(r.status));
  if (!declared) {
    // Allowed only where the operation's own description promises the status (a gap in its responses).
    if (r.status >= 400 && op.description.includes(String(r.status))) {
      gaps.add(`${op.operationId} ${r.status}`);
      for (const e of validate(errorSchema, r.body)) problems.push(`${where}: ${e}`);
    } else problems.push(`${where}: status not declared by ${op.operationId}`);
    return r;
  }
  const media = declared.content.find((c) => c.mediaType.includes('json'));
  if (media) for (const e of validate(media.schema, r.body)) problems.push(`${where}: body ${e}`);
  else if (declared.content.length && !(r.headers.get('content-type') ?? '').startsWith(declared.content[0].mediaType.split(';')[0]))
    problems.push(`${where}: content type ${r.headers.get('content-type')}, expected ${declared.content[0].mediaType}`);
  for (const h of declared.headers) {
    const v = r.headers.get(h.name);
    if (v === null) {
      if (['X-Request-Id', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Retry-After'].includes(h.name))
        problems.push(`${where}: header ${h.name} missing`);
      continue;
    }
    const typed = h.schema.type === 'integer' ? Number(v) : h.schema.type === 'boolean' ? v === 'true' : v;
    for (const e of validate(h.schema, typed)) problems.push(`${where}: header ${h.name} ${e}`);
  }
  return r;
}

let sb: Awaited<ReturnType<typeof inMemorySandbox>>;
const KEY = 'fact_test_ContractSuiteKey000000A1';
async function call(method: string, path: string, opts: { key?: string | null; body?: unknown; headers?: Record<string, string> } = {}) {
  return conform(await sb.call(method, path, { ...opts, key: opts.key === null ? undefined : (opts.key ?? KEY) }));
}
const ids: Record<string, string> = {};

beforeAll(async () => {
  sb = await inMemorySandbox();
}, 60_000);
afterAll(async () => {
  await sb.close();
});

describe('the sandbox, checked against the document on every call', () => {
  it('authenticates like the real API', async () => {
    expect((await call('GET', '/account', { key: null })).body.error.code).toBe('missing_api_key');
    expect((await call('GET', '/account', { key: 'fact_test_short' })).body.error.code).toBe('invalid_api_key');
    const live = await call('GET', '/account', { key: 'fact_live_AAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(live.status).toBe(401);
    expect(live.body.error.message).toMatch(/test keys only/);
    const viaHeader = await call('GET', '/account', { key: null, headers: { 'X-API-Key': KEY } });
    expect(viaHeader.status).toBe(200);
    // Bearer wins over X-API-Key.
    const both = await call('GET', '/account', { headers: { 'X-API-Key': 'fact_live_AAAAAAAAAAAAAAAAAAAAAAAA' } });
    expect(both.status).toBe(200);
    expect(both.body.data.api_key.prefix).toBe(KEY.slice(0, 18));
    expect(both.headers.get('x-ratelimit-limit')).toBe('300');
  });

  it('seeds a new company from the document examples and keeps companies apart', async () => {
    const series = await call('GET', '/series?limit=100');
    const taxes = await call('GET', '/taxes/active');
    expect(series.body.data.length).toBeGreaterThan(3);
    expect(taxes.body.data.some((t: JsonObject) => t.type === 'retention')).toBe(true);
    ids.series = series.body.data.find((s: JsonObject) => s.document_type === 'invoice' && s.is_default).id;
    ids.iva21 = taxes.body.data.find((t: JsonObject) => t.type === 'vat' && t.rate === 21).id;
    const other = 'fact_test_AnotherCompanyKey000000B';
    const mine = await call('POST', '/clients', { body: { name: 'Solo en mi empresa SL', tax_id: 'B46123451' } });
    expect((await call('GET', `/clients/${mine.body.data.id}`, { key: other })).status).toBe(404);
  });

  it('keeps state for every resource: create, retrieve, list, update, delete', async () => {
    const client = await call('POST', '/clients', {
      body: {
        name: 'Talleres Ebro SL',
        tax_id: 'B99286321',
        email: 'admin@ebro.example',
        external_id: 'EXT-1',
        payment_method: 'bank_transfer',
        payment_terms_days: 30,
      },
    });
    expect(client.status).toBe(201);
    ids.client = client.body.data.id;
    expect((await call('GET', `/clients/${ids.client}`)).body.data.payment_preferences.terms_days).toBe(30);
    expect((await call('PUT', `/clients/${ids.client}`, { body: { phone: '976000000', metadata: { crm: '42' } } })).body.data.phone).toBe(
      '976000000',
    );
    expect((await call('POST', '/clients/find-by-external-id', { body: { external_id: 'EXT-1' } })).body.data.id).toBe(ids.client);
    expect((await call('POST', '/clients', { body: { name: 'Otro', external_id: 'EXT-1' } })).body.error.code).toBe(
      'external_id_already_exists',
    );
    expect((await call('POST', '/clients', { body: { name: 'Otro', tax_id: 'B99286321' } })).body.error.subcode).toBe(
      'tax_id_already_exists',
    );

    const supplier = await call('POST', '/suppliers', { body: { name: 'Papelería Turia SL', tax_id: 'B46000001' } });
    ids.supplier = supplier.body.data.id;
    expect((await call('PUT', `/suppliers/${ids.supplier}`, { body: { email: 'hola@turia.example' } })).status).toBe(200);
    const product = await call('POST', '/products', {
      body: { name: 'Cable USB', price: '4.5', sku: 'CAB-USB', stock: 3, low_stock_threshold: 5, tax_rate_id: ids.iva21 },
    });
    expect(product.body.data.price).toBe('4.50');
    expect(product.body.data.is_low_stock).toBe(true);
    ids.product = product.body.data.id;
    expect((await call('POST', '/products', { body: { name: 'Dup', price: '1.00', sku: 'CAB-USB' } })).body.error.code).toBe(
      'sku_already_exists',
    );
    expect((await call('PUT', `/products/${ids.product}`, { body: { price: '5.00' } })).body.data.price).toBe('5.00');
    const series = await call('POST', '/series', {
      body: { code: 'SBX26', document_type: 'invoice', number_format: '{code}/{YYYY}/{000}', initial_number: 7 },
    });
    expect(series.status).toBe(201);
    ids.newSeries = series.body.data.id;
    const tax = await call('POST', '/taxes', {
      body: { name: 'IGIC 7 %', code: 'IGIC7', type: 'vat', rate: 7, applies_to: 'sale', country: 'ES', country_aeat_zone: 'canarias' },
    });
    expect(tax.body.data.applies_to).toBe('sales');
    expect((await call('PUT', `/taxes/${tax.body.data.id}`, { body: { rate: 7.5 } })).body.data.rate).toBe(7.5);
    expect((await call('DELETE', `/taxes/${tax.body.data.id}`)).status).toBe(204);
    expect((await call('GET', `/taxes/${tax.body.data.id}`)).status).toBe(404);

    for (const list of [
      '/clients',
      '/suppliers',
      '/products',
      '/series',
      '/taxes',
      '/quotes',
      '/proformas',
      '/delivery_notes',
      '/recurring_invoices',
      '/purchase_invoices',
      '/webhook_endpoints',
      '/events',
    ])
      expect((await call('GET', `${list}?limit=2`)).status, list).toBe(200);

    const del = await call('POST', '/suppliers', { body: { name: 'Borrar SL' } });
    expect((await call('DELETE', `/suppliers/${del.body.data.id}`)).status).toBe(204);
    expect((await call('DELETE', `/clients/${ids.client}`, { headers: {} })).status).toBe(204);
    ids.client = (
      await call('POST', '/clients', { body: { name: 'Hostelería Norte SL', tax_id: 'B50123009', email: 'pagos@norte.example' } })
    ).body.data.id;
  });

  it('runs the invoice life cycle with decimal totals, numbering and the transitions it forbids', async () => {
    const goya = (await call('GET', '/clients?limit=100')).body.data.find((c: JsonObject) => c.is_surcharge_subject === true);
    const re = await call('POST', '/invoices', {
      body: {
        client_id: goya.id,
        series_id: ids.series,
        issued_on: '2026-11-02',
        due_on: '2026-12-02',
        lines: [{ description: 'Lectores', quantity: 20, unit_price: 45, tax_rate_id: ids.iva21 }],
      },
    });
    expect(re.body.data).toMatchObject({ subtotal: 900, taxes_total: 235.8, total: 1135.8, operation_regime: 'recargo_equivalencia' });
    const inv = await call('POST', '/invoices', {
      body: {
        client_id: ids.client,
        series_id: ids.newSeries,
        issued_on: '2026-11-02',
        due_on: '2026-12-02',
        lines: [
          { description: 'Consultoría', quantity: 12, unit_price: 65, tax_rate: 21 },
          { description: 'Licencia', quantity: 1, unit_price: 480, tax_rate: 21, discount_percent: 10, product_id: ids.product },
          { description: 'Tercios', quantity: 3, unit_price: 0.1, tax_rate: 21 },
        ],
      },
    });
    expect(inv.body.data).toMatchObject({ status: 'draft', number: null, subtotal: 1212.3, taxes_total: 254.58, total: 1466.88 });
    ids.invoice = inv.body.data.id;
    expect((await call('PUT', `/invoices/${ids.invoice}`, { body: { notes: 'Pedido 17' } })).body.data.notes).toBe('Pedido 17');
    const dup = await call('POST', `/invoices/${ids.invoice}/duplicate`);
    expect(dup.body.data.status).toBe('draft');
    expect((await call('DELETE', `/invoices/${dup.body.data.id}`)).status).toBe(204);
    const issued = await call('POST', `/invoices/${ids.invoice}/assign-real-number`);
    expect(issued.body.data.number).toBe(`SBX26/${new Date().getUTCFullYear()}/007`);
    expect((await call('PUT', `/invoices/${ids.invoice}`, { body: { notes: 'x' } })).body.error.code).toBe('invalid_status_transition');
    expect((await call('DELETE', `/invoices/${ids.invoice}`)).status).toBe(409);
    expect((await call('POST', `/invoices/${ids.invoice}/send`, { body: { cc: ['copia@norte.example'] } })).body.data.status).toBe('sent');
    const part = await call('POST', `/invoices/${ids.invoice}/payments`, {
      body: { amount: 500, paid_on: '2026-11-10', payment_method: 'bank_transfer' },
    });
    expect(part.body.data).toMatchObject({ status: 'partially_paid', paid_amount: 500, pending_amount: 966.88 });
    expect(
      (await call('POST', `/invoices/${ids.invoice}/payments`, { body: { amount: 5000, paid_on: '2026-11-10', payment_method: 'cash' } }))
        .status,
    ).toBe(422);
    const paid = await call('POST', `/invoices/${ids.invoice}/mark-paid`, { body: { paid_on: '2026-11-20' } });
    expect(paid.body.data).toMatchObject({ status: 'paid', pending_amount: 0, paid_amount: 1466.88 });
    expect((await call('GET', `/invoices/${ids.invoice}`)).body.data.payments.detail).toHaveLength(2);
    expect((await call('POST', `/invoices/${ids.invoice}/mark-paid`)).body.data.status).toBe('paid');
    expect(
      (await call('POST', `/invoices/${ids.invoice}/payments`, { body: { amount: 1, paid_on: '2026-11-10', payment_method: 'cash' } })).body
        .error.code,
    ).toBe('invoice_already_paid');
    const corr = await call('POST', `/invoices/${ids.invoice}/corrective`, {
      body: { correction_reason: 'error_fundado', correction_type: 'full' },
    });
    expect(corr.body.data).toMatchObject({ is_corrective: true, type: 'R1', total: -1466.88 });
    expect((await call('GET', `/invoices/${ids.invoice}/correctives`)).body.data).toHaveLength(1);
    expect((await call('POST', `/invoices/${ids.invoice}/void`, { body: { reason: 'duplicada' } })).body.error.code).toBe(
      'invalid_status_transition',
    );

    const other = await call('POST', '/invoices', {
      body: {
        client_id: ids.client,
        series_id: ids.series,
        issued_on: '2026-11-03',
        due_on: '2026-12-03',
        lines: [{ description: 'x', quantity: 1, unit_price: 10, tax_rate: 21 }],
      },
    });
    expect((await call('POST', `/invoices/${other.body.data.id}/annul`, { body: { reason: 'Emitida por error' } })).body.error.code).toBe(
      'invalid_status_transition',
    );
    await call('POST', `/invoices/${other.body.data.id}/mark-sent`);
    expect((await call('GET', `/invoices/${other.body.data.id}/can-annul`)).body.data.can_annul).toBe(true);
    expect((await call('POST', `/invoices/${other.body.data.id}/annul`, { body: { reason: 'Emitida por error' } })).body.data.status).toBe(
      'annulled',
    );
    expect((await call('POST', `/invoices/${other.body.data.id}/mark-paid`)).body.error.code).toBe('invalid_status_transition');
    const third = await call('POST', '/invoices', {
      body: {
        client_id: ids.client,
        series_id: ids.series,
        issued_on: '2026-11-04',
        due_on: '2026-12-04',
        lines: [{ description: 'y', quantity: 2, unit_price: 5, tax_rate: 10 }],
      },
    });
    await call('POST', `/invoices/${third.body.data.id}/assign-real-number`);
    expect((await call('POST', `/invoices/${third.body.data.id}/void`, {})).body.data.status).toBe('cancelled');
    expect((await call('POST', `/invoices/${third.body.data.id}/assign-real-number`)).status).toBe(409);
    expect((await call('POST', '/invoices/find-by-number', { body: { number: third.body.data.number ?? 'none' } })).status).toBe(404);
  });

  it('lists with cursors, filters and sort as the document defines them', async () => {
    const page1 = await call('GET', '/invoices?limit=2&sort=-total');
    expect(page1.body.has_more).toBe(true);
    const page2 = await call('GET', `/invoices?limit=2&sort=-total&starting_after=${page1.body.next_cursor}`);
    const totals = [...page1.body.data, ...page2.body.data].map((i: JsonObject) => Number(i.total));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const back = await call('GET', `/invoices?limit=2&sort=-total&ending_before=${page2.body.data[0].id}`);
    expect(back.body.data.map((i: JsonObject) => i.id)).toEqual(page1.body.data.map((i: JsonObject) => i.id));
    const big = await call('GET', '/invoices?total[gte]=1000&status[in]=paid,partially_paid&limit=100');
    expect(big.body.data.length).toBeGreaterThan(0);
    for (const i of big.body.data) expect(Number(i.total) >= 1000 && ['paid', 'partially_paid'].includes(i.status)).toBe(true);
    expect((await call('GET', '/invoices?limit=250')).body.error.code).toBe('parameter_invalid_range');
    expect((await call('GET', '/invoices?sort=cheapest')).body.error.code).toBe('parameter_invalid_format');
    expect((await call('GET', '/invoices?page=2')).body.error).toMatchObject({ code: 'parameter_unknown', param: 'page' });
    expect((await call('GET', `/invoices?starting_after=${ids.invoice}&ending_before=${ids.invoice}`)).status).toBe(422);
    expect((await call('GET', '/events?type=invoice.paid')).body.data.every((e: JsonObject) => e.type === 'invoice.paid')).toBe(true);
  });

  it('runs quotes, proformas, delivery notes, recurring and purchase invoices through their life cycles', async () => {
    const lines = [{ description: 'Diseño', quantity: 10, unit_price: 50, tax_rate: 21, retention_rate: 15 }];
    const quote = await call('POST', '/quotes', {
      body: { client_id: ids.client, issued_on: '2026-11-01', valid_until: '2099-12-31', lines },
    });
    expect(quote.body.data).toMatchObject({
      status: 'draft',
      subtotal: 500,
      total_vat: 105,
      total_retention: 75,
      taxes_total: 30,
      total: 530,
    });
    expect((await call('POST', `/quotes/${quote.body.data.id}/convert`, { body: { target: 'invoice' } })).status).toBe(409);
    expect((await call('PUT', `/quotes/${quote.body.data.id}`, { body: { notes: 'v2' } })).status).toBe(200);
    expect((await call('POST', `/quotes/${quote.body.data.id}/send`, { body: {} })).body.data.status).toBe('sent');
    expect((await call('POST', `/quotes/${quote.body.data.id}/accept`, { body: {} })).body.data.status).toBe('accepted');
    expect((await call('POST', `/quotes/${quote.body.data.id}/accept`, { body: {} })).body.error.code).toBe('quote_already_accepted');
    const fromQuote = await call('POST', `/quotes/${quote.body.data.id}/convert`, { body: { target: 'invoice' } });
    expect(fromQuote.body.data).toMatchObject({ object: 'invoice', status: 'draft' });
    expect((await call('GET', `/quotes/${quote.body.data.id}`)).body.data.status).toBe('converted');
    expect((await call('DELETE', `/quotes/${quote.body.data.id}`)).status).toBe(409);
    const rejected = await call('POST', '/quotes', {
      body: { client_id: ids.client, issued_on: '2026-11-01', valid_until: '2099-12-31', lines },
    });
    expect((await call('POST', `/quotes/${rejected.body.data.id}/reject`, { body: { reason: 'caro' } })).body.data.status).toBe('rejected');
    expect((await call('DELETE', `/quotes/${rejected.body.data.id}`)).status).toBe(204);

    const proforma = await call('POST', '/proformas', {
      body: { client_id: ids.client, issued_on: '2026-11-01', lines, shipping_cost: 12.5 },
    });
    expect(proforma.body.data.total_with_shipping).toBe(542.5);
    expect((await call('POST', `/proformas/${proforma.body.data.id}/accept`, { body: {} })).body.data.status).toBe('accepted');
    expect((await call('POST', `/proformas/${proforma.body.data.id}/convert`, { body: { target: 'invoice' } })).body.data.object).toBe(
      'invoice',
    );
    expect((await call('POST', `/proformas/${proforma.body.data.id}/reject`, { body: {} })).status).toBe(422);

    const note = await call('POST', '/delivery_notes', {
      body: { client_id: ids.client, lines, driver_name: 'Ana', driver_tax_id: '12345678Z' },
    });
    expect(note.body.data.driver).toEqual({ name: 'Ana', tax_id: '12345678Z' });
    expect(
      (
        await call('POST', `/delivery_notes/${note.body.data.id}/sign`, {
          body: { signed_by: 'Ana', recipient_dni: '12345678Z', signature_image_base64: 'iVBORw0KGgo=' },
        })
      ).status,
    ).toBe(409);
    expect((await call('POST', `/delivery_notes/${note.body.data.id}/mark-delivered`, { body: {} })).body.data.status).toBe('sent');
    expect(
      (
        await call('POST', `/delivery_notes/${note.body.data.id}/sign`, {
          body: { signed_by: 'Ana', recipient_dni: '12345678Z', signature_image_base64: 'iVBORw0KGgo=' },
        })
      ).body.data.status,
    ).toBe('signed');
    expect((await call('POST', `/delivery_notes/${note.body.data.id}/convert`, { body: { target: 'invoice' } })).body.data.object).toBe(
      'invoice',
    );
    expect((await call('POST', `/delivery_notes/${note.body.data.id}/cancel`)).status).toBe(409);
    const draftNote = await call('POST', '/delivery_notes', { body: { client_id: ids.client, lines } });
    expect((await call('PUT', `/delivery_notes/${draftNote.body.data.id}`, { body: { notes: 'Portería' } })).status).toBe(200);
    expect((await call('DELETE', `/delivery_notes/${draftNote.body.data.id}`)).status).toBe(204);

    const rec = await call('POST', '/recurring_invoices', {
      body: {
        client_id: ids.client,
        frequency: 'monthly',
        start_on: '2026-12-01',
        lines: [{ description: 'Mantenimiento', quantity: 1, unit_price: 90, tax_rate: 21 }],
      },
    });
    expect(rec.body.data).toMatchObject({ status: 'active', total: 108.9 });
    expect((await call('POST', `/recurring_invoices/${rec.body.data.id}/resume`)).status).toBe(409);
    expect((await call('POST', `/recurring_invoices/${rec.body.data.id}/pause`)).body.data.status).toBe('paused');
    expect((await call('POST', `/recurring_invoices/${rec.body.data.id}/resume`)).body.data.status).toBe('active');
    expect((await call('POST', `/recurring_invoices/${rec.body.data.id}/generate`)).body.data.invoice_id).toBeTruthy();
    expect((await call('PUT', `/recurring_invoices/${rec.body.data.id}`, { body: { name: 'Cuota' } })).body.data.name).toBe('Cuota');
    expect((await call('POST', `/recurring_invoices/${rec.body.data.id}/cancel`)).body.data.status).toBe('cancelled');
    expect((await call('POST', `/recurring_invoices/${rec.body.data.id}/activate`)).status).toBe(409);
    expect((await call('DELETE', `/recurring_invoices/${rec.body.data.id}`)).status).toBe(204);

    const purchase = await call('POST', '/purchase_invoices', {
      body: {
        supplier_id: ids.supplier,
        external_invoice_number: 'T-1',
        issued_on: '2026-11-01',
        status: 'pending',
        lines: [{ description: 'Diseño', quantity: 1, unit_price: 1500, tax_rate: 21, retention_rate: 15 }],
      },
    });
    expect(purchase.body.data).toMatchObject({ subtotal: 1500, taxes_total: 315, total_retention: 225, total: 1590 });
    expect((await call('PUT', `/purchase_invoices/${purchase.body.data.id}`, { body: { notes: 'x' } })).body.error.subcode).toBe(
      'purchase_invoice_not_editable_in_current_state',
    );
    expect(
      (
        await call('POST', `/purchase_invoices/${purchase.body.data.id}/payments`, {
          body: { amount: 590, paid_on: '2026-11-05', payment_method: 'bank_transfer' },
        })
      ).body.data.payment_status,
    ).toBe('partially_paid');
    expect((await call('POST', `/purchase_invoices/${purchase.body.data.id}/mark_paid`, { body: {} })).body.data.status).toBe('paid');
    expect((await call('DELETE', `/purchase_invoices/${purchase.body.data.id}`)).status).toBe(409);
  });

  it('refuses what the descriptions say the API refuses, with the codes and statuses they name', async () => {
    const expectError = (r: Reply, status: number, code: string, param?: string) => {
      expect(r.status, `${r.method} ${r.path}`).toBe(status);
      expect(r.body.error.code, `${r.method} ${r.path}`).toBe(code);
      if (param !== undefined) expect(r.body.error.param).toBe(param);
    };
    const taxes = (await call('GET', '/taxes?limit=100')).body.data as JsonObject[];
    const irpf = taxes.find((t) => t.type === 'retention' && t.rate === 15)!;

    // Clients need a tax id (or a foreign id), and can't go while documents refer to them.
    expectError(await call('POST', '/clients', { body: { name: 'Sin NIF SL' } }), 422, 'tax_id_required', 'tax_id');
    expectError(await call('PUT', `/clients/${ids.client}`, { body: { tax_id: null } }), 422, 'tax_id_required', 'tax_id');
    expectError(await call('DELETE', `/clients/${ids.client}`), 409, 'resource_conflict');
    expectError(await call('DELETE', `/products/${ids.product}`), 409, 'resource_conflict');

    // Invoices carry no IRPF retention: the lines accept none, and a retention tax is no IVA rate.
    const inv = await call('POST', '/invoices', {
      body: {
        client_id: ids.client,
        series_id: ids.series,
        issued_on: '2026-11-05',
        due_on: '2026-12-05',
        lines: [{ description: 'Diseño', quantity: 1, unit_price: 1000, tax_rate: 21, retention_rate: 15 }],
      },
    });
    expect(inv.body.data).toMatchObject({ subtotal: 1000, taxes_total: 210, total: 1210 });
    expectError(
      await call('POST', '/invoices', {
        body: {
          client_id: ids.client,
          series_id: ids.series,
          issued_on: '2026-11-05',
          due_on: '2026-12-05',
          lines: [{ description: 'Diseño', quantity: 1, unit_price: 1000, tax_rate_id: irpf.id }],
        },
      }),
      422,
      'invalid_param_value',
      'lines[0].tax_rate_id',
    );
    // A quote shows IVA, recargo and IRPF: 1,000.00 + 210.00 + 52.00 − 150.00 = 1,112.00.
    const quote = await call('POST', '/quotes', {
      body: {
        client_id: ids.client,
        issued_on: '2026-11-05',
        valid_until: '2099-12-31',
        lines: [{ description: 'Diseño', quantity: 1, unit_price: 1000, tax_rate: 21, surcharge_rate: 5.2, retention_rate_id: irpf.id }],
      },
    });
    expect(quote.body.data).toMatchObject({ subtotal: 1000, total_vat: 210, total_surcharge: 52, total_retention: 150, total: 1112 });

    // Sending needs a recipient.
    const noMail = (await call('POST', '/clients', { body: { name: 'Sin correo SL', tax_id: 'B46012340' } })).body.data.id;
    const draft = await call('POST', '/invoices', {
      body: {
        client_id: noMail,
        series_id: ids.series,
        issued_on: '2026-11-05',
        due_on: '2026-12-05',
        lines: [{ description: 'x', quantity: 1, unit_price: 10, tax_rate: 21 }],
      },
    });
    expectError(await call('POST', `/invoices/${draft.body.data.id}/send`, { body: {} }), 422, 'missing_required_param', 'to');
    const noMailQuote = await call('POST', '/quotes', {
      body: {
        client_id: noMail,
        issued_on: '2026-11-05',
        valid_until: '2099-12-31',
        lines: [{ description: 'x', quantity: 1, unit_price: 1 }],
      },
    });
    expectError(await call('POST', `/quotes/${noMailQuote.body.data.id}/send`, { body: {} }), 422, 'missing_required_param', 'to');

    // Lookups answer the not-found code their description names.
    const unknown = { external_id: 'NO-SUCH-KEY' };
    expectError(await call('POST', '/invoices/find-by-external-id', { body: unknown }), 404, 'invoice_not_found');
    expectError(await call('POST', '/quotes/find-by-external-id', { body: unknown }), 404, 'quote_not_found');
    expectError(await call('POST', '/delivery_notes/find-by-external-id', { body: unknown }), 404, 'delivery_note_not_found');
    expectError(await call('POST', '/clients/find-by-external-id', { body: unknown }), 404, 'resource_not_found');
    expectError(await call('GET', '/purchase_invoices/019d0000-0000-7000-8000-000000000000'), 404, 'purchase_invoice_not_found');

    // Delivery notes: every refused move is `409 invalid_status_transition`; the image must be a PNG of at most 2 MB.
    const lines = [{ description: 'Lector', quantity: 2, unit_price: 45, tax_rate: 21 }];
    const note = (await call('POST', '/delivery_notes', { body: { client_id: ids.client, lines } })).body.data.id;
    const signature = {
      signed_by: 'Ana',
      recipient_dni: '12345678Z',
      signature_image_base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ',
    };
    expectError(await call('POST', `/delivery_notes/${note}/sign`, { body: signature }), 409, 'invalid_status_transition');
    expect(
      (await call('POST', `/delivery_notes/${note}/mark-delivered`, { body: { delivery_date: '2026-11-06T10:00:00Z' } })).body.data,
    ).toMatchObject({
      status: 'sent',
      delivery_date: '2026-11-06',
    });
    expectError(await call('POST', `/delivery_notes/${note}/mark-delivered`, { body: {} }), 409, 'invalid_status_transition');
    expectError(await call('DELETE', `/delivery_notes/${note}`), 409, 'invalid_status_transition');
    expectError(
      await call('POST', `/delivery_notes/${note}/sign`, { body: { ...signature, signature_image_base64: '/9j/4AAQSkZJRgABAQ' } }),
      422,
      'invalid_param_format',
      'signature_image_base64',
    );
    const huge = `iVBORw0KGgo${'A'.repeat(2_900_000)}`;
    expectError(
      await call('POST', `/delivery_notes/${note}/sign`, { body: { ...signature, signature_image_base64: huge } }),
      422,
      'signature_payload_too_large',
    );
    expect((await call('POST', `/delivery_notes/${note}/sign`, { body: signature })).body.data.status).toBe('signed');
    expectError(await call('POST', `/delivery_notes/${note}/sign`, { body: signature }), 409, 'invalid_status_transition');
    await call('POST', `/delivery_notes/${note}/convert`, { body: { target: 'invoice' } });
    expectError(await call('POST', `/delivery_notes/${note}/cancel`), 409, 'invalid_status_transition');
    const toCancel = (await call('POST', '/delivery_notes', { body: { client_id: ids.client, lines } })).body.data.id;
    expect((await call('POST', `/delivery_notes/${toCancel}/cancel`)).body.data.status).toBe('cancelled');

    // Series: a shared code needs document_type, and the default can't be archived.
    await call('POST', '/series', { body: { code: 'SBX26', document_type: 'quote', number_format: '{code}-{000}' } });
    expectError(await call('POST', '/series/find-by-code', { body: { code: 'sbx26' } }), 422, 'document_type_required_for_ambiguous_code');
    expect((await call('POST', '/series/find-by-code', { body: { code: 'sbx26', document_type: 'invoice' } })).body.data.id).toBe(
      ids.newSeries,
    );
    expectError(await call('POST', '/series/find-by-code', { body: { code: 'NOPE' } }), 404, 'resource_not_found');
    expectError(await call('POST', `/series/${ids.series}/archive`), 409, 'resource_conflict');

    // Purchase invoices: a supplier's number once; payments dated between the issue date and today.
    const purchase = {
      supplier_id: ids.supplier,
      external_invoice_number: 'T-77',
      issued_on: '2026-11-02',
      status: 'pending',
      lines: [{ description: 'Papel', quantity: 1, unit_price: 100, tax_rate: 21 }],
    };
    const pi = await call('POST', '/purchase_invoices', { body: purchase });
    expect(pi.status).toBe(201);
    const dup = await call('POST', '/purchase_invoices', { body: purchase });
    expectError(dup, 409, 'resource_already_exists', 'external_invoice_number');
    expect(dup.body.error.subcode).toBe('purchase_invoice_already_exists');
    expectError(
      await call('POST', `/purchase_invoices/${pi.body.data.id}/payments`, {
        body: { amount: 10, paid_on: '2026-11-01', payment_method: 'cash' },
      }),
      422,
      'parameter_invalid',
      'paid_on',
    );

    // Recurring invoices take four holiday_handling values; taxes check their window; system taxes don't change.
    expectError(
      await call('POST', '/recurring_invoices', {
        body: { client_id: ids.client, frequency: 'monthly', start_on: '2026-12-01', holiday_handling: 'monday', lines },
      }),
      422,
      'invalid_holiday_handling',
      'holiday_handling',
    );
    expectError(
      await call('POST', '/taxes', {
        body: {
          name: 'Tasa',
          code: 'TASA1',
          type: 'other',
          rate: 1,
          applies_to: 'sale',
          country: 'ES',
          valid_from: '2026-06-01',
          valid_until: '2026-01-01',
        },
      }),
      422,
      'invalid_validity_window',
      'valid_until',
    );
    const system = taxes.find((t) => t.is_system === true)!;
    expectError(await call('PUT', `/taxes/${system.id}`, { body: { rate: 22 } }), 422, 'system_tax_immutable_field');
  });

  it('gives webhook endpoints a secret, rotates it and answers ping', async () => {
    const ep = await call('POST', '/webhook_endpoints', { body: { url: 'https://erp.example/hooks', enabled_events: ['invoice.paid'] } });
    expect(ep.body.data.secret).toMatch(/^whsec_[0-9A-Za-z]{32}$/);
    expect((await call('GET', `/webhook_endpoints/${ep.body.data.id}`)).body.data.secret).toBeUndefined();
    const rotated = await call('POST', `/webhook_endpoints/${ep.body.data.id}/rotate_secret`);
    expect(rotated.body.data.secret).not.toBe(ep.body.data.secret);
    expect(rotated.body.data.previous_secret_valid_until).toBeTruthy();
    expect((await call('POST', `/webhook_endpoints/${ep.body.data.id}/ping`)).body.data.success).toBe(false);
    expect((await call('PUT', `/webhook_endpoints/${ep.body.data.id}`, { body: { description: 'ERP' } })).body.data.description).toBe(
      'ERP',
    );
    expect((await call('GET', `/webhook_endpoints/${ep.body.data.id}/deliveries`)).body.data).toEqual([]);
    expect(
      (await call('POST', '/webhook_endpoints', { body: { url: 'http://insecure.example', enabled_events: ['invoice.paid'] } })).status,
    ).toBe(422);
    expect((await call('DELETE', `/webhook_endpoints/${ep.body.data.id}`)).status).toBe(204);
  });

  it('records every change as an event with livemode false', async () => {
    const events = await call('GET', '/events?limit=100');
    expect(events.body.data.length).toBeGreaterThan(20);
    const fresh = events.body.data.filter((e: JsonObject) => e.livemode === false);
    expect(fresh.length).toBeGreaterThan(20);
    const types = new Set(fresh.map((e: JsonObject) => e.type));
    for (const t of [
      'client.created',
      'invoice.created',
      'invoice.sent',
      'invoice.paid',
      'payment.received',
      'quote.converted',
      'recurring_invoice.paused',
      'series.number_consumed',
    ])
      expect(types.has(t), t).toBe(true);
    expect((await call('GET', `/events/${fresh[0].id}`)).body.data.id).toBe(fresh[0].id);
  });

  it('answers the operations without state from the document examples, with 404 for unknown ids', async () => {
    for (const path of [
      '/verifactu/records',
      '/verifactu/config',
      '/tax_reports/history',
      '/stripe-autoinvoicing/config',
      '/invoices/statuses',
      '/event-catalog',
      '/invoices/stats',
    ])
      expect((await call('GET', path)).status, path).toBe(200);
    expect((await call('POST', '/tax_reports/303', { body: { year: 2026, quarter: 1, format: 'pdf' } })).status).toBe(201);
    expect((await call('GET', '/verifactu/records/019d0000-0000-7000-8000-000000000000')).status).toBe(404);
    const pdf = await call('GET', `/invoices/${ids.invoice}/pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(String(pdf.body).startsWith('%PDF-')).toBe(true);
    expect((await call('GET', '/invoices/019d0000-0000-7000-8000-000000000000/pdf')).status).toBe(404);
    const totals = await call('POST', '/taxes/calculate-totals', {
      body: { lines: [{ quantity: 1, unit_price: 1000, vat_rate: 21, retention_rate: 15, surcharge_rate: 5.2 }] },
    });
    expect(totals.status).toBe(200);
  });

  it('validates requests and answers errors of every type in the envelope', async () => {
    const bad = await call('POST', '/invoices', {
      body: {
        client_id: ids.client,
        series_id: ids.series,
        issued_on: '2026-11-02',
        due_on: '2026-12-02',
        lines: [{ description: 'x', quantity: 0, unit_price: 1 }],
      },
    });
    expect(bad.body.error).toMatchObject({ type: 'invalid_request_error', code: 'parameter_invalid', param: 'lines[0].quantity' });
    expect((await call('POST', '/invoices', { body: { series_id: ids.series } })).body.error.param).toBe('client_id');
    expect((await call('POST', '/clients', { body: '{"name":' })).status).toBe(400);
    // Path ids are `format: uuid` in the document: a malformed one is a 400, a well-formed unknown one a 404.
    const malformed = await call('GET', '/invoices/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'parameter_invalid_format', param: 'invoice' });
    expect((await call('GET', '/invoices/019d0000-0000-7000-8000-000000000000')).body.error.type).toBe('not_found_error');
    expect((await call('GET', '/no-such-thing')).status).toBe(404);
    const patch = await call('PATCH', '/clients');
    expect(patch.status).toBe(405);
    expect(patch.body.error).toMatchObject({ type: 'invalid_request_error', code: 'method_not_allowed' });
    expect(patch.headers.get('allow')).toBe('GET, POST');
    // Series describe a 405 code of their own, for the series' own path.
    expect((await call('PUT', `/series/${ids.series}`, { body: { name: 'x' } })).body.error.code).toBe('series_immutable');
    expect((await call('DELETE', `/series/${ids.series}`)).body.error.code).toBe('series_immutable');
    expect((await call('PATCH', '/series')).body.error.code).toBe('method_not_allowed');
    expect((await call('GET', '/account', { headers: { 'Factuarea-Version': '2026-13-45' } })).body.error.code).toBe(
      'parameter_invalid_format',
    );
    expect((await call('GET', '/account', { headers: { 'Factuarea-Version': '1999-01-01' } })).body.error.code).toBe(
      'unsupported_api_version',
    );
    const pinned = await call('GET', '/account', { headers: { 'Factuarea-Version': spec.latestVersion } });
    expect(pinned.headers.get('factuarea-version')).toBe(spec.latestVersion);
    // The versions info.x-api-versions publishes, including the one the TypeScript SDK pins.
    expect(spec.versions).toEqual(['2026-05-01', '2026-05-22', '2026-06-01', '2026-06-04']);
    expect((await call('GET', '/account', { headers: { 'Factuarea-Version': '2026-06-04' } })).status).toBe(200);
    expect((await call('GET', '/account')).headers.get('factuarea-version')).toBe('2026-06-04');

    const restricted = await issueKey(
      new Request('http://x/sandbox/keys', {
        method: 'POST',
        headers: { Authorization: `Bearer ${KEY}` },
        body: JSON.stringify({ scopes: ['invoices:read'], tier: 'free' }),
      }),
      { database: async () => sb.database },
    );
    const { data } = await restricted.json();
    expect(data.tier).toBe('free');
    expect((await call('GET', '/invoices?limit=1', { key: data.key })).status).toBe(200);
    expect((await call('GET', '/clients', { key: data.key })).body.error).toMatchObject({
      type: 'authorization_error',
      code: 'insufficient_scope',
    });
    let limited: Reply | undefined;
    for (let i = 0; i < 12 && !limited; i++) {
      const r = await call('GET', '/invoices?limit=1', { key: data.key });
      if (r.status === 429) limited = r;
    }
    expect(limited?.body.error.code).toBe('rate_limit_exceeded');
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited?.headers.get('x-ratelimit-remaining')).toBe('0');

    const body = { name: 'Idempotente SL', tax_id: 'B46007779' };
    const first = await call('POST', '/clients', { body, headers: { 'Idempotency-Key': 'contract-1' } });
    const again = await call('POST', '/clients', { body, headers: { 'Idempotency-Key': 'contract-1' } });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.data.id).toBe(first.body.data.id);
    const reused = await call('POST', '/clients', { body: { name: 'Otro cuerpo' }, headers: { 'Idempotency-Key': 'contract-1' } });
    expect(reused.body.error).toMatchObject({ type: 'idempotency_error', code: 'idempotency_key_reused' });

    for (const t of [
      'authentication_error',
      'authorization_error',
      'invalid_request_error',
      'not_found_error',
      'conflict_error',
      'idempotency_error',
      'rate_limit_error',
    ])
      expect(errorTypes.has(t), t).toBe(true);
  });

  it('returned only responses the document describes', () => {
    expect(checked.length).toBeGreaterThan(150);
    if (problems.length || gaps.size) writeFileSync('test-results/sandbox-contract.txt', [...problems, '--- gaps', ...gaps].join('\n'));
    expect(problems).toEqual([]);
    // Statuses an operation's description promises but its responses omit.
    expect([...gaps]).toEqual([]);
  });
});

export { BASE };
