/**
 * The life-cycle actions of the stateful resources, each checking the status it starts from
 * (`invalid_status_transition` otherwise): invoices (issue, send, mark sent, payments, mark paid, void,
 * annul, corrective, duplicate), quotes, proformas and delivery notes (send, accept, reject, deliver, sign,
 * cancel, convert, duplicate), recurring templates (pause, resume, cancel, generate), purchase invoices
 * (payments, mark paid), series, webhook endpoints (rotate the secret, ping) and the account.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Json, JsonObject } from '../../openapi/bundle';
import { isObject } from '../../openapi/walk';
import { newWebhookSecret } from '../auth';
import { type Ctx, type Handler, ok } from '../context';
import { ApiError, badTransition } from '../errors';
import type { KindInfo } from '../kinds';
import { Decimal, num } from '../money';
import { isoNow, shape, today } from '../objects';
import { kindInfo, obj, str, takeNumber } from './common';
import { createObject, saveObject } from './crud';
import { buildDocument } from './documents';
import { documentHooks } from './hooks';

type Action = (ctx: Ctx, info: KindInfo, o: JsonObject) => Promise<JsonObject | { status: number; body?: Json }>;

/** Loads the object the path names (404 if missing), runs the action, answers with what it returns. */
function action(kind: string, fn: Action, status?: number): Handler {
  return async (ctx) => {
    const info = kindInfo(ctx, kind);
    const found = await ctx.store.require(kind, ctx.req.path[info.param], info.objectType.replace(/_/g, ' '), info.param);
    const result = await fn(ctx, info, found.data);
    if ('status' in result && typeof result.status === 'number' && !('object' in result))
      return { status: result.status, body: result.body };
    return ok(result as JsonObject, status ?? (ctx.op.responses.some((r) => r.status === '201') ? 201 : 200));
  };
}

/** Refuses a move the life cycle forbids: `invalid_status_transition`, or `resource_conflict` (409) where the operation documents a 409 for it. */
const requireStatus = (o: JsonObject, allowed: string[], what: string, verb: string, conflict = false) => {
  if (allowed.includes(String(o.status))) return;
  if (conflict) throw new ApiError('resource_conflict', `You can't ${verb} a ${what} whose status is "${String(o.status)}".`);
  throw badTransition(what, String(o.status), verb);
};

// ---------- invoices ----------

const ISSUED = ['issued', 'sent', 'overdue', 'partially_paid', 'paid'];
const SIGNATURE_MAX_BYTES = 2 * 1024 * 1024;

async function issue(ctx: Ctx, inv: JsonObject): Promise<JsonObject> {
  const number = await takeNumber(ctx, String(obj(inv.series).id));
  const issued = { ...inv, number, is_number_assigned: true, status: 'issued' };
  await ctx.emit('invoice.number_assigned', issued, { previous_number: null, new_number: number });
  return issued;
}

async function clientEmail(ctx: Ctx, o: JsonObject): Promise<string | undefined> {
  const c = await ctx.store.get('clients', String(obj(o.client).id));
  return str(c?.data.email) ?? undefined;
}

const paymentsOf = (inv: JsonObject): JsonObject[] =>
  Array.isArray(obj(inv.payments).detail) ? (obj(inv.payments).detail as JsonObject[]) : [];

function withPayment(
  ctx: Ctx,
  inv: JsonObject,
  p: { amount: Decimal; date: string; method: string; reference: Json; notes: Json },
): { inv: JsonObject; payment: JsonObject } {
  const payment: JsonObject = {
    id: uuidv7(),
    object: 'payment',
    invoice_id: String(inv.id),
    amount: num(p.amount),
    payment_date: p.date,
    payment_method: p.method,
    payment_method_text: p.method,
    reference: p.reference ?? null,
    notes: p.notes ?? null,
    created_at: isoNow(ctx.now),
    updated_at: isoNow(ctx.now),
  };
  const total = new Decimal(Number(inv.total ?? 0));
  const paid = new Decimal(Number(inv.paid_amount ?? 0)).plus(p.amount);
  const pending = total.minus(paid);
  const settled = pending.lte(0);
  return {
    payment,
    inv: {
      ...inv,
      paid_amount: num(paid),
      pending_amount: num(Decimal.max(pending, 0)),
      payments: { detail: [...paymentsOf(inv), payment], total: num(paid), pending: num(Decimal.max(pending, 0)) },
      status: settled ? 'paid' : 'partially_paid',
      ...(settled
        ? { paid_on: p.date, paid_at: isoNow(ctx.now), payment: { method: p.method, reference: p.reference ?? null, date: p.date } }
        : {}),
    },
  };
}

async function recordPayment(
  ctx: Ctx,
  info: KindInfo,
  inv: JsonObject,
  p: { amount: Decimal; date: string; method: string; reference: Json; notes: Json },
) {
  const { inv: next, payment } = withPayment(ctx, inv, p);
  const saved = await saveObject(ctx, info, inv, next);
  await ctx.emit('payment.received', { ...payment, invoice_number: saved.number ?? null });
  if (saved.status === 'paid')
    await ctx.emit('invoice.paid', saved, {
      amount: payment.amount,
      payment_date: p.date,
      payment_method: p.method,
      payment_reference: p.reference ?? null,
    });
  return saved;
}

const invoiceActions: Record<string, Handler> = {
  assign_real_number: action('invoices', async (ctx, info, inv) => {
    requireStatus(inv, ['draft'], 'invoice', 'issue');
    return saveObject(ctx, info, inv, await issue(ctx, inv));
  }),
  send: action('invoices', async (ctx, info, inv) => {
    requireStatus(inv, ['draft', ...ISSUED], 'invoice', 'send');
    const to = str(ctx.req.body.to) ?? (await clientEmail(ctx, inv));
    if (!to) throw new ApiError('missing_required_param', 'The client has no e-mail address: pass one in `to`.', 'to');
    let next = inv.status === 'draft' ? await issue(ctx, inv) : inv;
    next = {
      ...next,
      status: ['draft', 'issued', 'overdue'].includes(String(inv.status)) ? 'sent' : next.status,
      sent_at: isoNow(ctx.now),
    };
    const saved = await saveObject(ctx, info, inv, next);
    await ctx.emit('invoice.sent', saved);
    const list = (v: Json | undefined) => (Array.isArray(v) ? v : []);
    await ctx.emit('invoice.email_sent', saved, {
      recipient_email: to,
      invoice_number: saved.number ?? null,
      cc: list(ctx.req.body.cc),
      bcc: list(ctx.req.body.bcc),
    });
    return saved;
  }),
  mark_sent: action('invoices', async (ctx, info, inv) => {
    requireStatus(inv, ['draft', 'issued', 'sent'], 'invoice', 'mark as sent');
    const next = inv.status === 'draft' ? await issue(ctx, inv) : inv;
    const saved = await saveObject(ctx, info, inv, { ...next, status: 'sent', sent_at: isoNow(ctx.now) });
    await ctx.emit('invoice.sent', saved);
    return saved;
  }),
  mark_paid: action('invoices', async (ctx, info, inv) => {
    if (inv.status === 'paid') return inv;
    requireStatus(inv, ISSUED, 'invoice', 'mark as paid');
    const pending = new Decimal(Number(inv.pending_amount ?? inv.total ?? 0));
    return recordPayment(ctx, info, inv, {
      amount: pending,
      date: str(ctx.req.body.paid_on) ?? today(ctx.now),
      method: str(ctx.req.body.payment_method) ?? 'bank_transfer',
      reference: ctx.req.body.payment_reference ?? null,
      notes: ctx.req.body.notes ?? null,
    });
  }),
  payments_create: action('invoices', async (ctx, info, inv) => {
    if (inv.status === 'paid') throw new ApiError('invoice_already_paid', 'The invoice is already paid in full.');
    requireStatus(inv, ISSUED, 'invoice', 'register a payment on');
    const amount = new Decimal(Number(ctx.req.body.amount));
    if (amount.gt(Number(inv.pending_amount ?? 0)))
      throw new ApiError('parameter_invalid', `The amount is more than the ${String(inv.pending_amount)} still pending.`, 'amount');
    return recordPayment(ctx, info, inv, {
      amount,
      date: String(ctx.req.body.paid_on),
      method: String(ctx.req.body.payment_method),
      reference: ctx.req.body.reference ?? null,
      notes: ctx.req.body.notes ?? null,
    });
  }),
  payments_list: action('invoices', async (_ctx, _info, inv) => inv),
  void: action('invoices', async (ctx, info, inv) => {
    requireStatus(inv, ISSUED, 'invoice', 'void');
    const correctives = (await ctx.store.all('invoices')).filter((o) => obj(o.corrective).original_id === inv.id);
    if (correctives.length)
      throw new ApiError('invalid_status_transition', 'The invoice already has a corrective invoice, so it cannot be voided.');
    const saved = await saveObject(ctx, info, inv, {
      ...inv,
      status: 'cancelled',
      voided_at: isoNow(ctx.now),
      void_reason: str(ctx.req.body.reason) ?? 'Anulada via API v1.',
    });
    await ctx.emit('invoice.cancelled', saved, { cancelled_at: saved.voided_at });
    return saved;
  }),
  annul: action('invoices', async (ctx, info, inv) => {
    requireStatus(inv, ISSUED, 'invoice', 'annul');
    const saved = await saveObject(ctx, info, inv, { ...inv, status: 'annulled', void_reason: String(ctx.req.body.reason) });
    await ctx.emit('invoice.annulled', saved, { annulled_at: isoNow(ctx.now), reason: saved.void_reason });
    return saved;
  }),
  can_annul: action('invoices', async (_ctx, _info, inv) => {
    const can = ISSUED.includes(String(inv.status));
    return { can_annul: can, reasons: can ? [] : [`The invoice is ${String(inv.status)}.`], will_create_verifactu: can, info: [] };
  }),
  corrective: action('invoices', async (ctx, info, inv) => {
    requireStatus(inv, ISSUED, 'invoice', 'correct');
    const full = ctx.req.body.correction_type === 'full';
    const lines =
      full || !Array.isArray(ctx.req.body.lines)
        ? (inv.lines as JsonObject[]).map((l) => ({
            description: l.description,
            quantity: -Number(l.quantity),
            unit_price: l.unit_price,
            tax_rate: l.tax_rate,
            discount_percent: l.discount_percent,
          }))
        : ctx.req.body.lines;
    const series = (await ctx.store.all('series')).find(
      (s) => s.document_type === 'invoice' && s.is_active !== false && s.id !== obj(inv.series).id && /^R/i.test(String(s.code)),
    );
    const reason = String(ctx.req.body.correction_reason);
    const aeat = reason === 'error_fundado' ? 'R1' : reason === 'concurso' ? 'R2' : reason === 'incobrable' ? 'R3' : 'R4';
    const draft = await buildDocument(ctx, info, {
      client_id: obj(inv.client).id,
      series_id: series?.id ?? obj(inv.series).id,
      issued_on: today(ctx.now),
      due_on: inv.due_on,
      lines,
      notes: ctx.req.body.notes ?? null,
      tags: ctx.req.body.tags ?? [],
      custom_fields: ctx.req.body.custom_fields ?? [],
    });
    const { created } = await createObject(ctx, info, { build: async () => draft }, {});
    const issued = await issue(ctx, created);
    const corrective = await saveObject(ctx, info, created, {
      ...issued,
      type: aeat,
      is_corrective: true,
      corrective: {
        original_id: inv.id,
        original_number: inv.number ?? null,
        original_date: inv.issued_on ?? null,
        correction_reason: reason,
        correction_type: String(ctx.req.body.correction_type),
        correction_nature: full ? 'S' : 'I',
        base_rectificada: issued.subtotal,
        cuota_rectificada: issued.taxes_total,
        correction_aeat_type: aeat,
      },
    });
    await ctx.emit('invoice.rectified', inv, {
      corrective_invoice_id: corrective.id,
      corrective_invoice_number: corrective.number ?? null,
    });
    return corrective;
  }),
  correctives: action('invoices', async (ctx, _info, inv) => ({
    status: 200,
    body: { data: (await ctx.store.all('invoices')).filter((o) => obj(o.corrective).original_id === inv.id) },
  })),
  duplicate: action('invoices', async (ctx, info, inv) => duplicateDocument(ctx, info, inv)),
};

async function duplicateDocument(ctx: Ctx, info: KindInfo, o: JsonObject): Promise<JsonObject> {
  const body: JsonObject = {
    client_id: obj(o.client).id ?? null,
    series_id: obj(o.series).id ?? null,
    issued_on: today(ctx.now),
    lines: (Array.isArray(o.lines) ? o.lines : []).map((l) => {
      const x = obj(l);
      return {
        description: x.description ?? '',
        quantity: x.quantity,
        unit_price: x.unit_price,
        tax_rate: x.tax_rate,
        retention_rate: x.retention_rate ?? x.retention ?? 0,
        surcharge_rate: x.surcharge_rate ?? x.surcharge ?? null,
        discount_percent: x.discount_percent ?? 0,
        product_id: obj(x.product).id ?? null,
      };
    }),
  };
  for (const k of ['due_on', 'valid_until', 'notes', 'metadata', 'tags', 'terms', 'delivery_date']) if (k in o) body[k] = o[k];
  if (info.kind !== 'invoices') for (const l of body.lines as JsonObject[]) if (l.surcharge_rate === null) delete l.surcharge_rate;
  const { created } = await createObject(ctx, info, documentHooks(info), body);
  return created;
}

// ---------- quotes, proformas, delivery notes ----------

async function convertTo(ctx: Ctx, from: JsonObject, targetKind: string, extra: JsonObject = {}): Promise<JsonObject> {
  const target = kindInfo(ctx, targetKind);
  const body: JsonObject = {
    client_id: obj(from.client).id ?? null,
    issued_on: str(ctx.req.body.issued_on) ?? today(ctx.now),
    due_on: str(ctx.req.body.due_on) ?? str(from.due_on) ?? today(ctx.now),
    notes: from.notes ?? null,
    metadata: from.metadata ?? {},
    lines: (Array.isArray(from.lines) ? from.lines : []).map((l) => {
      const x = obj(l);
      return {
        description: x.description ?? '',
        quantity: x.quantity,
        unit_price: x.unit_price,
        tax_rate: x.tax_rate,
        discount_percent: x.discount_percent ?? 0,
        ...(targetKind === 'invoices' ? {} : { retention_rate: x.retention_rate ?? 0, surcharge_rate: x.surcharge_rate ?? 0 }),
        product_id: obj(x.product).id ?? null,
      };
    }),
    ...extra,
  };
  if (targetKind === 'quotes') body.valid_until = today(new Date(ctx.now.getTime() + 30 * 86_400_000));
  const { created } = await createObject(ctx, target, documentHooks(target), body);
  return created;
}

function salesActions(kind: 'quotes' | 'proformas' | 'delivery_notes'): Record<string, Handler> {
  const what = kind.replace(/s$/, '').replace('_', ' ');
  const type = kind.replace(/s$/, '');
  return {
    send: action(kind, async (ctx, info, o) => {
      const to = str(ctx.req.body.to) ?? str(ctx.req.body.email) ?? (await clientEmail(ctx, o));
      const toField = kind === 'delivery_notes' ? 'email' : 'to';
      if (!to) throw new ApiError('missing_required_param', `The client has no e-mail address: pass one in \`${toField}\`.`, toField);
      const next = kind === 'quotes' && o.status === 'draft' ? { ...o, status: 'sent' } : o;
      const saved = next === o ? o : await saveObject(ctx, info, o, next);
      const list = (v: Json | undefined) => (Array.isArray(v) ? v : []);
      await ctx.emit(`${type}.email_sent`, saved, {
        recipient_email: to,
        [`${type}_number`]: saved.number ?? null,
        cc: list(ctx.req.body.cc),
        bcc: list(ctx.req.body.bcc),
      });
      if (kind === 'delivery_notes') {
        const schema = ctx.spec.resolve(ctx.op.responses.find((r) => r.status === '200')?.content[0]?.schema);
        return { status: 200, body: shape(ctx.spec, schema, { data: saved }) };
      }
      return saved;
    }),
    accept: action(kind, async (ctx, info, o) => {
      if (o.status === 'accepted')
        throw new ApiError(kind === 'quotes' ? 'quote_already_accepted' : 'invalid_status_transition', `The ${what} is already accepted.`);
      requireStatus(o, ['draft', 'sent'], what, 'accept', kind === 'quotes');
      if (kind === 'quotes' && typeof o.valid_until === 'string' && o.valid_until < today(ctx.now))
        throw new ApiError('quote_expired', `The quote expired on ${o.valid_until}.`);
      const saved = await saveObject(ctx, info, o, {
        ...o,
        status: 'accepted',
        ...(kind === 'quotes' ? { accepted_at: isoNow(ctx.now) } : {}),
      });
      await ctx.emit(kind === 'quotes' ? 'quote.approved' : 'proforma.accepted', saved);
      return saved;
    }),
    reject: action(kind, async (ctx, info, o) => {
      requireStatus(o, ['draft', 'sent', 'accepted'], what, 'reject', kind === 'quotes' && o.status === 'converted');
      const saved = await saveObject(ctx, info, o, {
        ...o,
        status: 'rejected',
        ...(kind === 'quotes' ? { rejected_at: isoNow(ctx.now) } : {}),
      });
      await ctx.emit(`${type}.rejected`, saved);
      return saved;
    }),
    convert: action(kind, async (ctx, info, o) => {
      const target = str(ctx.req.body.target) ?? 'invoice';
      const allowed = kind === 'quotes' ? ['accepted'] : kind === 'proformas' ? ['draft', 'accepted'] : [];
      if (allowed.length && !allowed.includes(String(o.status)))
        throw new ApiError(
          'resource_conflict',
          `Only a ${allowed.join(' or ')} ${what} can be converted; this one is ${String(o.status)}.`,
        );
      if (kind === 'delivery_notes') requireStatus(o, ['draft', 'sent', 'signed'], what, 'convert');
      const targetKind = target === 'proforma' ? 'proformas' : target === 'delivery_note' ? 'delivery_notes' : 'invoices';
      const extra: JsonObject = typeof ctx.req.body.target_series_id === 'string' ? { series_id: ctx.req.body.target_series_id } : {};
      const created = await convertTo(ctx, o, targetKind, extra);
      const status = kind === 'delivery_notes' ? 'invoiced' : 'converted';
      const converted = await saveObject(ctx, info, o, {
        ...o,
        status,
        converted_to_id: created.id,
        ...('converted_invoice_number' in o ? { converted_invoice_number: created.number ?? null } : {}),
      });
      const eventType = kind === 'proformas' ? 'proforma.converted_to_invoice' : `${type}.converted`;
      await ctx.emit(eventType, converted, { target, target_id: created.id });
      return created;
    }),
    duplicate: action(kind, async (ctx, info, o) => duplicateDocument(ctx, info, o)),
    mark_delivered: action(kind, async (ctx, info, o) => {
      requireStatus(o, ['draft'], what, 'mark as delivered');
      const date = str(ctx.req.body.delivery_date)?.slice(0, 10) ?? str(o.delivery_date) ?? today(ctx.now);
      const saved = await saveObject(ctx, info, o, { ...o, status: 'sent', delivery_date: date });
      await ctx.emit('delivery_note.status_changed', saved, { from_status: String(o.status), to_status: 'delivered', delivery_date: date });
      return saved;
    }),
    sign: action(kind, async (ctx, info, o) => {
      requireStatus(o, ['sent'], what, 'sign');
      const image = String(ctx.req.body.signature_image_base64 ?? '');
      // A PNG starts with the bytes 89 50 4E 47 0D 0A 1A 0A, which base64 writes as `iVBORw0KGgo`.
      if (!image.startsWith('iVBORw0KGgo'))
        throw new ApiError(
          'invalid_param_format',
          'The signature must be a PNG image, base64-encoded without a data: prefix.',
          'signature_image_base64',
        );
      if (Buffer.byteLength(image, 'base64') > SIGNATURE_MAX_BYTES)
        throw new ApiError('signature_payload_too_large', 'The signature image is over 2 MB.', 'signature_image_base64');
      const saved = await saveObject(ctx, info, o, {
        ...o,
        status: 'signed',
        signed_by: String(ctx.req.body.signed_by),
        signed_at: str(ctx.req.body.signed_at) ?? isoNow(ctx.now),
        signature_image_url: `https://app.factuarea.com/d/${String(o.id)}/signature.png`,
      });
      await ctx.emit('delivery_note.signed', saved);
      return saved;
    }),
    // `delivery_note.status_changed` only reports deliveries, so a cancellation records `delivery_note.updated` alone.
    cancel: action(kind, async (ctx, info, o) => {
      requireStatus(o, ['draft', 'sent', 'signed'], what, 'cancel');
      return saveObject(ctx, info, o, { ...o, status: 'cancelled' });
    }),
  };
}

// ---------- recurring invoices ----------

function resume(verb: string): Handler {
  return action('recurring_invoices', async (ctx, info, o) => {
    requireStatus(o, ['paused'], 'recurring invoice', verb);
    const saved = await saveObject(ctx, info, o, { ...o, status: 'active' });
    await ctx.emit('recurring_invoice.activated', saved);
    return saved;
  });
}

const recurringActions: Record<string, Handler> = {
  pause: action('recurring_invoices', async (ctx, info, o) => {
    requireStatus(o, ['active'], 'recurring invoice', 'pause', true);
    const saved = await saveObject(ctx, info, o, { ...o, status: 'paused' });
    await ctx.emit('recurring_invoice.paused', saved);
    return saved;
  }),
  resume: resume('resume'),
  activate: resume('activate'),
  cancel: action('recurring_invoices', async (ctx, info, o) => {
    requireStatus(o, ['active', 'paused'], 'recurring invoice', 'cancel');
    const saved = await saveObject(ctx, info, o, { ...o, status: 'cancelled', cancelled_at: isoNow(ctx.now) });
    await ctx.emit('recurring_invoice.cancelled', saved);
    return saved;
  }),
  generate: action('recurring_invoices', async (ctx, info, o) => {
    requireStatus(o, ['active', 'paused'], 'recurring invoice', 'generate an invoice from');
    const lines = (Array.isArray(o.lines) ? o.lines : []).map((l) => ({
      description: obj(l).description ?? '',
      quantity: obj(l).quantity,
      unit_price: obj(l).unit_price,
      tax_rate: obj(l).tax_rate,
    }));
    const invoices = kindInfo(ctx, 'invoices');
    const { created } = await createObject(ctx, invoices, documentHooks(invoices), {
      client_id: obj(o.client).id ?? null,
      series_id: obj(o.series).id ?? null,
      issued_on: today(ctx.now),
      due_on: today(ctx.now),
      lines,
      notes: o.notes ?? null,
    });
    const withLink = await saveObject(ctx, invoices, created, { ...created, recurring: { id: o.id } });
    const count = Number(o.occurrences_count ?? 0) + 1;
    const saved = await saveObject(ctx, info, o, {
      ...o,
      occurrences_count: count,
      last_run_at: isoNow(ctx.now),
      remaining_occurrences: typeof o.remaining_occurrences === 'number' ? Math.max(0, o.remaining_occurrences - 1) : null,
    });
    await ctx.emit('recurring_invoice.executed', saved, {
      invoice_id: withLink.id,
      invoice_number: withLink.number ?? null,
      occurrence_number: count,
      next_run_date: str(o.next_run_at)?.slice(0, 10) ?? null,
    });
    return {
      status: 200,
      body: { data: { object: 'recurring_invoice.generate_result', invoice_id: withLink.id, invoice_number: withLink.number ?? null } },
    };
  }),
};

// ---------- purchase invoices ----------

function purchasePayment(ctx: Ctx, o: JsonObject, amount: Decimal, date: string, method: Json): JsonObject {
  const total = new Decimal(Number(o.total ?? 0));
  const paid = new Decimal(Number(o.paid_amount ?? 0)).plus(amount);
  const settled = paid.gte(total);
  return {
    ...o,
    paid_amount: num(paid),
    pending_amount: num(Decimal.max(total.minus(paid), 0)),
    payment_status: settled ? 'paid' : 'partially_paid',
    ...(settled ? { status: 'paid', paid_at: date } : {}),
    payment_method: method ?? o.payment_method ?? null,
  };
}

const purchaseActions: Record<string, Handler> = {
  mark_paid: action('purchase_invoices', async (ctx, info, o) => {
    requireStatus(o, ['draft', 'pending', 'partially_paid'], 'purchase invoice', 'mark as paid');
    const saved = await saveObject(
      ctx,
      info,
      o,
      purchasePayment(
        ctx,
        o,
        new Decimal(Number(o.pending_amount ?? 0)),
        str(ctx.req.body.paid_on) ?? today(ctx.now),
        ctx.req.body.payment_method ?? null,
      ),
    );
    await ctx.emit('purchase_invoice.paid', saved);
    return saved;
  }),
  register_payment: action('purchase_invoices', async (ctx, info, o) => {
    requireStatus(o, ['draft', 'pending'], 'purchase invoice', 'register a payment on');
    const amount = new Decimal(Number(ctx.req.body.amount));
    if (amount.lte(0) || amount.gt(Number(o.pending_amount ?? 0)))
      throw new ApiError('parameter_invalid', 'The amount must be above 0 and no more than the pending amount.', 'amount');
    const paidOn = String(ctx.req.body.paid_on);
    if (paidOn > today(ctx.now) || (typeof o.issued_on === 'string' && paidOn < o.issued_on))
      throw new ApiError('parameter_invalid', `paid_on must fall between the issue date (${String(o.issued_on)}) and today.`, 'paid_on');
    const saved = await saveObject(
      ctx,
      info,
      o,
      purchasePayment(ctx, o, amount, String(ctx.req.body.paid_on), ctx.req.body.payment_method ?? null),
    );
    await ctx.emit('purchase_invoice.payment_registered', saved);
    if (saved.status === 'paid') await ctx.emit('purchase_invoice.paid', saved);
    return saved;
  }),
  list_payments: action('purchase_invoices', async (_ctx, _info, o) => o),
};

// ---------- series, webhooks, account ----------

const seriesActions: Record<string, Handler> = {
  archive: action('series', async (ctx, info, s) => {
    if (s.is_default === true && s.is_active !== false)
      throw new ApiError(
        'resource_conflict',
        `${String(s.code)} is the default ${String(s.document_type)} series: make another series the default before you archive it.`,
      );
    await saveObject(ctx, info, s, { ...s, is_active: false, is_default: false });
    await ctx.emit('series.archived', { ...s, is_active: false, is_default: false });
    return { status: 204 };
  }),
  unarchive: action('series', async (ctx, info, s) => {
    await saveObject(ctx, info, s, { ...s, is_active: true });
    await ctx.emit('series.unarchived', { ...s, is_active: true });
    return { status: 204 };
  }),
  set_default: action('series', async (ctx, info, s) => {
    if (s.is_active === false) throw new ApiError('resource_conflict', 'An archived series cannot be the default.');
    for (const other of await ctx.store.all('series'))
      if (other.id !== s.id && other.document_type === s.document_type && other.is_default === true) {
        const demoted = await saveObject(ctx, info, other, { ...other, is_default: false });
        await ctx.emit('series.demoted_from_default', demoted);
      }
    const saved = await saveObject(ctx, info, s, { ...s, is_default: true });
    await ctx.emit('series.marked_as_default', saved);
    return { status: 204 };
  }),
};

const webhookActions: Record<string, Handler> = {
  rotate_secret: action('webhook_endpoints', async (ctx, info, w) => {
    const stored = await ctx.store.get(info.kind, String(w.id));
    const secret = newWebhookSecret();
    const next = shape(ctx.spec, info.schema, {
      ...w,
      previous_secret_valid_until: isoNow(new Date(ctx.now.getTime() + 86_400_000)),
      updated_at: isoNow(ctx.now),
    });
    await ctx.store.update(info.kind, String(w.id), next, {
      ...(stored?.meta ?? {}),
      secret,
      previous_secret: String(stored?.meta.secret ?? ''),
    });
    return { ...next, secret };
  }),
  ping: action('webhook_endpoints', async () => ({
    status: 200,
    body: {
      data: {
        success: false,
        http_status: null,
        response_body: null,
        error_message: 'El sandbox integrado no envía peticiones salientes: el ping no se ha entregado.',
        duration_ms: 0,
      },
    },
  })),
};

const accountActions: Record<string, Handler> = {
  show: async (ctx) => {
    const example = ctx.op.responses.find((r) => r.status === '200')?.content[0]?.examples[0]?.value;
    const base = isObject(example) && isObject(example.data) ? example.data : {};
    const p = ctx.principal;
    return ok({
      ...base,
      company: { ...obj(base.company), id: p.companyId },
      api_key: {
        id: p.keyId,
        name: p.name,
        prefix: p.prefix,
        scopes: p.scopes,
        tier: p.tier,
        created_at: p.createdAt.replace(/\.\d{3}Z$/, 'Z'),
        last_used_at: p.lastUsedAt ? p.lastUsedAt.replace(/\.\d{3}Z$/, 'Z') : null,
        expires_at: null,
      },
    });
  },
};

export const ACTIONS: Record<string, Record<string, Handler>> = {
  invoices: invoiceActions,
  quotes: salesActions('quotes'),
  proformas: salesActions('proformas'),
  delivery_notes: salesActions('delivery_notes'),
  recurring_invoices: recurringActions,
  purchase_invoices: purchaseActions,
  series: seriesActions,
  webhook_endpoints: webhookActions,
  account: accountActions,
};
