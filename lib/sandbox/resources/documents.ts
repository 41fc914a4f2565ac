/**
 * Sales and purchase documents built from a request: the client or supplier and series references, the
 * lines with their amounts (decimal arithmetic: IVA, IRPF retention, and the *recargo de equivalencia* an
 * invoice adds by itself for a client subject to it) and the document totals, plus the fields the body
 * carries under the object's own names. Numbered documents other than invoices take their number here.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Json, JsonObject } from '../../openapi/bundle';
import { isObject } from '../../openapi/walk';
import type { Ctx } from '../context';
import { ApiError } from '../errors';
import type { KindInfo } from '../kinds';
import { type LineAmounts, Decimal, lineAmounts, num, sumAmounts, surchargeForVat } from '../money';
import { isoNow, shape, today } from '../objects';
import { clientRef, defaultSeries, obj, referenced, seriesRef, str, takeNumber } from './common';

/** Fields the sandbox computes; a body cannot set them directly. */
const COMPUTED = new Set([
  'id',
  'object',
  'number',
  'status',
  'lines',
  'client',
  'series',
  'supplier',
  'subtotal',
  'taxes_total',
  'total',
  'total_vat',
  'total_retention',
  'total_surcharge',
  'total_with_shipping',
  'paid_amount',
  'pending_amount',
  'payments',
  'payment_status',
  'created_at',
  'updated_at',
  'is_number_assigned',
  'converted_to_id',
  'occurrences_count',
  'remaining_occurrences',
]);

const rateOf = (v: Json | undefined): number | undefined => (typeof v === 'number' ? v : undefined);

/** The rate of the tax a line names by id; 422 on the field when the tax is missing or of another type. */
async function taxRate(ctx: Ctx, id: Json | undefined, param: string, types: string[]): Promise<number | undefined> {
  if (typeof id !== 'string') return undefined;
  const tax = await referenced(ctx, 'taxes', id, param);
  if (!types.includes(String(tax.data.type)))
    throw new ApiError(
      'invalid_param_value',
      `${param} names a tax of type ${String(tax.data.type)}; it takes a tax of type ${types.join(' or ')}.`,
      param,
    );
  return Number(tax.data.rate ?? 0);
}

const VAT_TYPES = ['vat', 'other'];

export interface BuiltLines {
  lines: JsonObject[];
  totals: LineAmounts;
}

/**
 * The lines of a document, with amounts, shaped to the kind's line schema. A kind whose lines have no
 * retention field (invoices) carries no IRPF retention, and one without a surcharge field takes the
 * *recargo de equivalencia* only from the client (`autoSurcharge`): inputs the document can't show are ignored.
 */
export async function buildLines(ctx: Ctx, info: KindInfo, input: Json[], opts: { autoSurcharge: boolean }): Promise<BuiltLines> {
  const props: JsonObject = isObject(info.schema.properties) ? info.schema.properties : {};
  const lineSchema = ctx.spec.resolve(ctx.spec.resolve(props.lines).items);
  const lineProps: JsonObject = isObject(lineSchema.properties) ? lineSchema.properties : {};
  const retentionSeparate = 'retention_amount' in lineProps;
  const hasRetention = ['retention_rate', 'retention', 'retention_amount'].some((k) => k in lineProps);
  const hasSurcharge = ['surcharge_rate', 'surcharge'].some((k) => k in lineProps);
  const lines: JsonObject[] = [];
  const amounts: LineAmounts[] = [];
  for (const [i, raw] of input.entries()) {
    const l = obj(raw);
    const vat = rateOf(l.tax_rate) ?? (await taxRate(ctx, l.tax_rate_id, `lines[${i}].tax_rate_id`, VAT_TYPES)) ?? 0;
    const retention = hasRetention
      ? (rateOf(l.retention_rate) ??
        rateOf(l.retention) ??
        (await taxRate(ctx, l.retention_rate_id, `lines[${i}].retention_rate_id`, ['retention'])) ??
        0)
      : 0;
    const explicitSurcharge = hasSurcharge
      ? (rateOf(l.surcharge_rate) ??
        rateOf(l.surcharge) ??
        (await taxRate(ctx, l.surcharge_rate_id, `lines[${i}].surcharge_rate_id`, ['surcharge'])))
      : undefined;
    const surcharge = explicitSurcharge ?? (opts.autoSurcharge ? surchargeForVat(vat) : 0);
    let product: Json = null;
    if (typeof l.product_id === 'string') {
      const p = await referenced(ctx, 'products', l.product_id, `lines[${i}].product_id`);
      product = { id: p.id, name: str(p.data.name) ?? null };
    }
    const a = lineAmounts({
      quantity: Number(l.quantity ?? 0),
      unitPrice: Number(l.unit_price ?? 0),
      discountPercent: rateOf(l.discount_percent) ?? 0,
      vatRate: vat,
      surchargeRate: surcharge,
      retentionRate: retention,
    });
    amounts.push(a);
    const taxes = retentionSeparate ? a.vat.plus(a.surcharge) : a.vat.plus(a.surcharge).minus(a.retention);
    lines.push(
      shape(ctx.spec, lineSchema, {
        description: str(l.description) ?? null,
        product,
        quantity: Number(l.quantity ?? 0),
        unit_price: Number(l.unit_price ?? 0),
        tax_rate: vat,
        retention_rate: retention,
        surcharge_rate: surcharge,
        retention,
        surcharge,
        discount_percent: rateOf(l.discount_percent) ?? 0,
        subtotal: num(a.subtotal),
        taxes: num(taxes),
        retention_amount: num(a.retention),
        vat_deductible: typeof l.vat_deductible === 'boolean' ? l.vat_deductible : true,
        total: num(a.total),
      }),
    );
  }
  return { lines, totals: sumAmounts(amounts) };
}

/** Document totals in the fields the kind's schema has. */
export function totalsFields(info: KindInfo, t: LineAmounts, extra: { shipping?: number; paid?: Decimal } = {}): JsonObject {
  const props: JsonObject = isObject(info.schema.properties) ? info.schema.properties : {};
  // Purchase invoices report the retention apart from the taxes; sales documents net it in `taxes_total`.
  const retentionSeparate = info.kind === 'purchase_invoices';
  const taxes = retentionSeparate ? t.vat.plus(t.surcharge) : t.vat.plus(t.surcharge).minus(t.retention);
  const total = t.total;
  const paid = extra.paid ?? new Decimal(0);
  const out: JsonObject = {
    subtotal: num(t.subtotal),
    taxes_total: num(taxes),
    total_vat: num(t.vat),
    total_retention: num(t.retention),
    total_surcharge: num(t.surcharge),
    total: num(total),
    paid_amount: num(paid),
    pending_amount: num(total.minus(paid)),
  };
  if ('shipping_cost' in props) {
    out.shipping_cost = extra.shipping ?? 0;
    out.total_with_shipping = num(total.plus(extra.shipping ?? 0));
  }
  return out;
}

/** The series document type a kind numbers from (`quotes` → `quote`); recurring templates bill invoices. */
const seriesType = (info: KindInfo) => (info.kind === 'recurring_invoices' ? 'invoice' : info.objectType);

/** Copies body fields that the object has under the same name (dates, notes, metadata, tags...). */
export function sameNameFields(info: KindInfo, body: JsonObject): JsonObject {
  const props: JsonObject = isObject(info.schema.properties) ? info.schema.properties : {};
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(body)) if (k in props && !COMPUTED.has(k) && v !== undefined) out[k] = v;
  return out;
}

/** Per-kind renames between request and object fields. */
function renamedFields(info: KindInfo, body: JsonObject, existing: JsonObject | undefined): JsonObject {
  const out: JsonObject = {};
  const has = (k: string) => k in body;
  if (info.kind === 'proformas' && has('payment_terms')) out.payment_terms_days = body.payment_terms;
  if (info.kind === 'delivery_notes') {
    const pair = (name: string, a: string, b: string, ka: string, kb: string) => {
      if (has(a) || has(b)) out[name] = { [ka]: (body[a] as Json) ?? null, [kb]: (body[b] as Json) ?? null };
      else if (!existing) out[name] = null;
    };
    pair('driver', 'driver_name', 'driver_tax_id', 'name', 'tax_id');
    pair('tracking', 'tracking_number', 'carrier_company', 'number', 'carrier');
    pair('received_by', 'received_by_name', 'received_by_tax_id', 'name', 'tax_id');
  }
  return out;
}

const INITIAL_STATUS: Record<string, string> = {
  invoices: 'draft',
  quotes: 'draft',
  proformas: 'draft',
  delivery_notes: 'draft',
  recurring_invoices: 'active',
  purchase_invoices: 'draft',
};

/** A supplier's invoice number is recorded once per supplier: `409 resource_already_exists` the second time. */
async function checkSupplierNumber(ctx: Ctx, body: JsonObject, doc: JsonObject, existing?: JsonObject): Promise<void> {
  const number = str(body.external_invoice_number) ?? str(existing?.external_invoice_number);
  const supplierId = str(obj(doc.supplier).id);
  if (!number || !supplierId || (existing && !('external_invoice_number' in body) && !('supplier_id' in body))) return;
  const clash = (await ctx.store.findBy('purchase_invoices', 'external_invoice_number', number)).some(
    (o) => o.id !== existing?.id && obj(o.data.supplier).id === supplierId,
  );
  if (clash)
    throw new ApiError('resource_already_exists', `You already recorded invoice ${number} of this supplier.`, 'external_invoice_number', {
      subcode: 'purchase_invoice_already_exists',
    });
}

const HOLIDAY_HANDLING = ['same', 'before', 'after', 'skip'];

/** Builds (create) or rebuilds (update, with `existing`) a document from a request body. */
export async function buildDocument(ctx: Ctx, info: KindInfo, body: JsonObject, existing?: JsonObject): Promise<JsonObject> {
  if (info.kind === 'recurring_invoices' && typeof body.holiday_handling === 'string' && !HOLIDAY_HANDLING.includes(body.holiday_handling))
    throw new ApiError(
      'invalid_holiday_handling',
      `holiday_handling takes ${HOLIDAY_HANDLING.join(', ')}; "${body.holiday_handling}" is none of them.`,
      'holiday_handling',
    );
  const base: JsonObject = existing ? { ...existing } : {};
  const isPurchase = info.kind === 'purchase_invoices';
  // Party: a client for sales documents, a supplier for purchases.
  let autoSurcharge = false;
  if (isPurchase) {
    if (typeof body.supplier_id === 'string') {
      const s = await referenced(ctx, 'suppliers', body.supplier_id, 'supplier_id');
      base.supplier = { id: s.id, name: str(s.data.name) ?? null };
    }
    await checkSupplierNumber(ctx, body, base, existing);
  } else {
    const clientId = typeof body.client_id === 'string' ? body.client_id : str(obj(base.client).id);
    if (typeof body.client_id === 'string' || !existing) {
      const c = await referenced(ctx, 'clients', String(clientId), 'client_id');
      base.client = clientRef(c.data);
      autoSurcharge = c.data.is_surcharge_subject === true;
    } else if (clientId) {
      autoSurcharge = (await ctx.store.get('clients', clientId))?.data.is_surcharge_subject === true;
    }
  }
  if (!isPurchase) {
    if (typeof body.series_id === 'string' || typeof body.target_series_id === 'string') {
      const id = String(body.series_id ?? body.target_series_id);
      const s = await referenced(ctx, 'series', id, body.series_id ? 'series_id' : 'target_series_id');
      if (s.data.document_type !== seriesType(info))
        throw new ApiError(
          'invalid_param_value',
          `That series numbers ${String(s.data.document_type)} documents, not ${seriesType(info)} ones.`,
          'series_id',
        );
      base.series = seriesRef(s.data);
    } else if (!existing) base.series = seriesRef(await defaultSeries(ctx, seriesType(info)));
  }
  Object.assign(base, sameNameFields(info, body), renamedFields(info, body, existing));

  const props: JsonObject = isObject(info.schema.properties) ? info.schema.properties : {};
  const inputLines = Array.isArray(body.lines) ? body.lines : undefined;
  let lines = Array.isArray(base.lines) ? base.lines : [];
  let totals: LineAmounts | undefined;
  if (inputLines)
    ({ lines, totals } = await buildLines(ctx, info, inputLines, { autoSurcharge: autoSurcharge && info.kind === 'invoices' }));
  else if (!existing) ({ lines, totals } = await buildLines(ctx, info, [], { autoSurcharge: false }));
  if (totals) {
    Object.assign(
      base,
      totalsFields(info, totals, {
        shipping: typeof base.shipping_cost === 'number' ? base.shipping_cost : undefined,
        paid: new Decimal(Number(base.paid_amount ?? 0)),
      }),
    );
    base.lines = lines;
  }

  if (!existing) {
    base.id = uuidv7();
    base.status = isPurchase ? (str(body.status) ?? 'draft') : INITIAL_STATUS[info.kind];
    base.currency = 'EUR';
    base.metadata = body.metadata ?? {};
    if ('tags' in props) base.tags = body.tags ?? [];
    if ('custom_fields' in props) base.custom_fields = body.custom_fields ?? [];
    if ('issued_on' in props) base.issued_on = body.issued_on ?? today(ctx.now);
    if (info.kind === 'invoices') {
      Object.assign(base, {
        number: null,
        is_number_assigned: false,
        type: 'F1',
        operation_regime: autoSurcharge ? 'recargo_equivalencia' : 'general',
        exclude_347: false,
        verifactu_status: 'pending',
        payments: { detail: [], total: 0, pending: base.total ?? 0 },
        is_corrective: false,
      });
    } else if (info.kind === 'recurring_invoices') {
      const start = str(body.start_on) ?? today(ctx.now);
      Object.assign(base, {
        name: str(body.name) ?? 'Recurring invoice',
        holiday_handling: str(body.holiday_handling) ?? 'same',
        days_before_due: body.days_before_due ?? 30,
        send_automatically: body.send_automatically ?? false,
        occurrences_count: 0,
        remaining_occurrences: body.max_occurrences ?? null,
        next_run_at: `${start}T00:00:00Z`,
      });
    } else if (isPurchase) {
      Object.assign(base, {
        payment_status: 'pending',
        operation_class: body.operation_class ?? 'corriente',
        is_reverse_charge: body.is_reverse_charge ?? false,
        exclude_347: body.exclude_347 ?? false,
      });
    } else {
      // Quotes, proformas and delivery notes are numbered from their series as soon as they exist.
      const seriesId = str(obj(base.series).id);
      base.number = seriesId ? await takeNumber(ctx, seriesId) : '';
      base.link_is_active = false;
    }
  } else if (info.kind === 'invoices' && isObject(base.payments)) {
    base.payments = { ...base.payments, pending: base.pending_amount ?? 0 };
  }
  base.updated_at = isoNow(ctx.now);
  return base;
}
