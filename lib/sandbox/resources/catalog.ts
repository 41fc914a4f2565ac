/**
 * How the master data is built from requests: clients and suppliers (payment preferences, coordinates,
 * bank accounts, a tax id unique per company), products (price as a decimal string, stock flags, a unique
 * SKU), series (numbering mask and counters), taxes and webhook endpoints (with a signing secret that only
 * the create and rotate responses show).
 */
import type { Json, JsonObject } from '../../openapi/bundle';
import { isObject } from '../../openapi/walk';
import { newWebhookSecret } from '../auth';
import type { Ctx } from '../context';
import { ApiError } from '../errors';
import type { KindInfo } from '../kinds';
import { Decimal, money } from '../money';
import { isoNow } from '../objects';
import { obj, referenced, str } from './common';
import type { Hooks } from './crud';
import { sameNameFields } from './documents';

async function unique(ctx: Ctx, kind: string, field: string, value: Json | undefined, selfId: string | undefined, err: () => ApiError) {
  if (typeof value !== 'string' || !value) return;
  if ((await ctx.store.findBy(kind, field, value)).some((o) => o.id !== selfId)) throw err();
}

function contactHooks(info: KindInfo): Hooks {
  return {
    async build(ctx, body, existing) {
      await unique(
        ctx,
        info.kind,
        'tax_id',
        body.tax_id,
        str(existing?.id),
        () =>
          new ApiError('resource_already_exists', `Another ${info.objectType} already has this tax id.`, 'tax_id', {
            subcode: 'tax_id_already_exists',
          }),
      );
      const out: JsonObject = {
        ...(existing ?? { is_active: true, accumulate_347: true, metadata: {}, notes: null }),
        ...sameNameFields(info, body),
      };
      if ('address' in body) out.address = { ...obj(existing?.address), ...obj(body.address) };
      if ('latitude' in body || 'longitude' in body || isObject(body.coordinates)) {
        const c = {
          ...obj(body.coordinates),
          ...('latitude' in body ? { latitude: body.latitude } : {}),
          ...('longitude' in body ? { longitude: body.longitude } : {}),
        };
        out.coordinates =
          typeof c.latitude === 'number' && typeof c.longitude === 'number' ? { latitude: c.latitude, longitude: c.longitude } : null;
      }
      if ('payment_method' in body || 'payment_terms_days' in body) {
        const prev = obj(existing?.payment_preferences);
        out.payment_preferences = {
          object: 'payment_preferences',
          method: (body.payment_method as Json) ?? prev.method ?? null,
          terms_days: (body.payment_terms_days as Json) ?? prev.terms_days ?? null,
        };
      }
      if (Array.isArray(body.bank_accounts))
        out.bank_accounts = body.bank_accounts.map((b) => ({
          object: 'bank_account',
          iban: String(obj(b).iban ?? ''),
          bic: obj(b).bic ?? null,
          is_default: obj(b).is_default === true,
        }));
      if (isObject(body.alternative_id)) out.alternative_id = { object: 'alternative_id', ...body.alternative_id };
      if (info.kind === 'clients' && !str(out.tax_id) && !isObject(out.alternative_id))
        throw new ApiError(
          'tax_id_required',
          'A client needs a tax_id (NIF, CIF or NIE) or, when it is foreign, an alternative_id.',
          'tax_id' in body ? 'tax_id' : 'alternative_id' in body ? 'alternative_id' : 'tax_id',
        );
      return out;
    },
    async beforeDelete(ctx, existing) {
      const id = String(existing.id);
      const inUse =
        info.kind === 'clients'
          ? await ctx.store.isReferenced(['invoices', 'quotes', 'proformas', 'delivery_notes', 'recurring_invoices'], 'client.id', id)
          : await ctx.store.isReferenced(['purchase_invoices'], 'supplier.id', id);
      if (inUse)
        throw new ApiError(
          'resource_conflict',
          info.kind === 'clients'
            ? 'Documents refer to this client, so it cannot be deleted. Deactivate it instead.'
            : 'Purchase invoices refer to this supplier, so it cannot be deleted. Deactivate it instead.',
        );
    },
  };
}

function stockFlags(p: JsonObject): JsonObject {
  const stock = Number(p.stock ?? 0);
  const threshold = typeof p.low_stock_threshold === 'number' ? p.low_stock_threshold : null;
  return { is_in_stock: stock > 0, is_low_stock: threshold !== null && stock <= threshold };
}

export const productHooks: Hooks = {
  async build(ctx, body, existing) {
    await unique(
      ctx,
      'products',
      'sku',
      body.sku,
      str(existing?.id),
      () => new ApiError('sku_already_exists', 'Another product already has this SKU.', 'sku'),
    );
    const out: JsonObject = {
      ...(existing ?? {
        stock: 0,
        gallery: [],
        video: null,
        is_active: true,
        tags: [],
        specifications: {},
        metadata: {},
        currency: 'EUR',
        tax_rate: null,
      }),
    };
    for (const k of ['name', 'sku', 'description', 'stock', 'low_stock_threshold', 'is_active', 'metadata', 'external_id', 'tags'])
      if (k in body && body[k] !== undefined)
        out[k] = k === 'tags' ? (body.tags ?? []) : k === 'is_active' ? body.is_active !== false : body[k];
    if (typeof body.price === 'string') out.price = money(new Decimal(body.price));
    if ('tax_rate_id' in body) {
      out.tax_rate = null;
      if (typeof body.tax_rate_id === 'string') {
        const t = await referenced(ctx, 'taxes', body.tax_rate_id, 'tax_rate_id');
        out.tax_rate = { id: t.id, rate: Number(t.data.rate ?? 0) };
      }
    }
    return { ...out, ...stockFlags(out) };
  },
  async beforeDelete(ctx, existing) {
    if (await ctx.store.isReferenced(['invoices', 'quotes', 'proformas', 'delivery_notes'], 'lines.product.id', String(existing.id)))
      throw new ApiError(
        'resource_conflict',
        'Document lines refer to this product, so it cannot be deleted. Deactivate it with toggle-active instead.',
      );
  },
};

export const withStockFlags = (p: JsonObject): JsonObject => ({ ...p, ...stockFlags(p) });

export const seriesHooks: Hooks = {
  async build(ctx, body) {
    const code = String(body.code ?? '');
    const type = String(body.document_type ?? 'invoice');
    const clash = (await ctx.store.all('series')).some(
      (s) => String(s.code).toLowerCase() === code.toLowerCase() && s.document_type === type,
    );
    if (clash) throw new ApiError('resource_already_exists', `A ${type} series with the code ${code} already exists.`, 'code');
    const hasDefault = (await ctx.store.all('series')).some((s) => s.document_type === type && s.is_default === true);
    const initial = typeof body.initial_number === 'number' ? body.initial_number : 1;
    return {
      code,
      name: str(body.name) ?? code,
      document_type: type,
      prefix: str(body.prefix) ?? code,
      number_format: str(body.number_format) ?? '{code}-{0000}',
      next_number: initial,
      current_number: Math.max(0, initial - 1),
      initial_number: initial,
      year_reset: body.year_reset === true,
      is_default: !hasDefault,
      is_active: true,
    };
  },
};

const APPLIES: Record<string, string> = { sale: 'sales', purchase: 'purchases', both: 'both' };

export function taxHooks(info: KindInfo): Hooks {
  return {
    async build(ctx, body, existing) {
      const out: JsonObject = {
        ...(existing ?? {
          is_default: false,
          is_system: false,
          is_active: true,
          metadata: {},
          reverse_charge: false,
          default_for_documents: {
            invoice: false,
            quote: false,
            delivery_note: false,
            proforma: false,
            purchase_invoice: false,
            recurring_invoice: false,
          },
        }),
        ...sameNameFields(info, body),
      };
      if (typeof body.applies_to === 'string') out.applies_to = APPLIES[body.applies_to] ?? body.applies_to;
      if (typeof out.valid_from === 'string' && typeof out.valid_until === 'string' && out.valid_until < out.valid_from)
        throw new ApiError('invalid_validity_window', 'valid_until is earlier than valid_from.', 'valid_until');
      if (isObject(body.default_for_documents))
        out.default_for_documents = { ...obj(existing?.default_for_documents), ...body.default_for_documents };
      if (existing) {
        if (existing.external_reference !== out.external_reference)
          await ctx.emit('tax.external_reference_changed', out, {
            previous_code: existing.external_reference ?? null,
            new_code: out.external_reference ?? null,
          });
        if (existing.valid_from !== out.valid_from || existing.valid_until !== out.valid_until)
          await ctx.emit('tax.validity_changed', out, {
            previous_valid_from: existing.valid_from ?? null,
            previous_valid_until: existing.valid_until ?? null,
            new_valid_from: out.valid_from ?? null,
            new_valid_until: out.valid_until ?? null,
          });
      }
      return out;
    },
    beforeUpdate(_ctx, existing) {
      if (existing.is_system === true)
        throw new ApiError('system_tax_immutable_field', 'System taxes cannot be edited; create a custom tax with the settings you need.');
    },
    async beforeDelete(ctx, existing) {
      if (existing.is_system === true) throw new ApiError('resource_conflict', 'System taxes cannot be deleted; deactivate them instead.');
      if (await ctx.store.isReferenced(['products'], 'tax_rate.id', String(existing.id)))
        throw new ApiError('resource_conflict', 'Products use this tax, so it cannot be deleted. Deactivate it with toggle instead.');
    },
  };
}

export function webhookHooks(info: KindInfo): Hooks {
  return {
    async build(ctx, body, existing) {
      const out: JsonObject = {
        ...(existing ?? {
          status: 'enabled',
          description: null,
          ip_allowlist: null,
          delivery_success_rate_24h: null,
          last_delivery_at: null,
          last_failure_at: null,
          previous_secret_valid_until: null,
          api_version: ctx.version,
          metadata: {},
          custom_headers: {},
          timeout_seconds: 10,
          degraded_since: null,
        }),
        ...sameNameFields(info, body),
      };
      if (Array.isArray(body.events) && !body.enabled_events) out.enabled_events = body.events;
      return out;
    },
    meta: () => ({ secret: newWebhookSecret() }),
    createResponse: (_ctx, created, meta) => ({ ...created, secret: String(meta.secret) }),
  };
}

export const contactHooksFor = contactHooks;

export const nowIso = (ctx: Ctx) => isoNow(ctx.now);
