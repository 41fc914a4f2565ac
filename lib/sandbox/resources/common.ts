/**
 * Helpers the resources share: references between objects (`client: {id, name}`), lookups that turn a
 * missing referenced id into a 422 on the field, series numbering, the per-company quota and the
 * uniqueness of `external_id`.
 */
import type { Json, JsonObject } from '../../openapi/bundle';
import { isObject } from '../../openapi/walk';
import type { Ctx } from '../context';
import { ApiError } from '../errors';
import { type KindInfo, kinds } from '../kinds';
import { isoNow } from '../objects';
import type { Stored } from '../store';

/** Most objects (events excluded) one sandbox company may hold. */
export const MAX_OBJECTS = 2_000;

export const str = (v: Json | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
export const obj = (v: Json | undefined): JsonObject => (isObject(v) ? v : {});

export function kindInfo(ctx: Ctx, kind = ctx.resource): KindInfo {
  const info = kinds(ctx.spec).get(kind);
  if (!info) throw new Error(`no stateful kind ${kind}`);
  return info;
}

/** A referenced object from the body (`client_id`, `lines[0].product_id`): 422 on that field when it doesn't exist. */
export async function referenced(ctx: Ctx, kind: string, id: string, param: string): Promise<Stored> {
  const found = await ctx.store.get(kind, id, { lock: true });
  if (!found)
    throw new ApiError(
      'invalid_param_value',
      `No ${kindInfo(ctx, kind).objectType.replace(/_/g, ' ')} with the id in ${param} exists.`,
      param,
    );
  return found;
}

export async function checkQuota(ctx: Ctx, adding = 1): Promise<void> {
  const n = await ctx.store.count(['events']);
  if (n + adding > MAX_OBJECTS)
    throw new ApiError(
      'business_rule_violation',
      `This sandbox company already holds ${n} objects, the most it may keep is ${MAX_OBJECTS}. Delete some, or start afresh with another test key.`,
    );
}

export async function checkExternalId(ctx: Ctx, kind: string, externalId: Json | undefined, selfId?: string): Promise<void> {
  if (typeof externalId !== 'string' || !externalId) return;
  const taken = (await ctx.store.findBy(kind, 'external_id', externalId)).some((o) => o.id !== selfId);
  if (taken)
    throw new ApiError(
      'external_id_already_exists',
      `Another ${kindInfo(ctx, kind).objectType.replace(/_/g, ' ')} already uses this external_id.`,
      'external_id',
    );
}

/** Formats a number with a series mask: `{code}-{0000}` → `FV2026-0059`; also `{prefix}`, `{YYYY}`, `{YY}`. */
export function formatNumber(mask: string, series: JsonObject, seq: number, year: number): string {
  const code = String(series.code ?? '');
  let out = (mask || '{code}-{0000}')
    .replace(/\{code\}/g, code)
    .replace(/\{prefix\}/g, String(series.prefix ?? code))
    .replace(/\{YYYY\}/g, String(year))
    .replace(/\{YY\}/g, String(year).slice(-2));
  let padded = false;
  out = out.replace(/\{(0+)\}/g, (_, zeros: string) => {
    padded = true;
    return String(seq).padStart(zeros.length, '0');
  });
  return padded ? out : `${out}${seq}`;
}

/** Takes the next number of a series, advances it, and records `series.number_consumed`. */
export async function takeNumber(ctx: Ctx, seriesId: string): Promise<string> {
  const found = await ctx.store.get('series', seriesId, { lock: true });
  if (!found) return '';
  const series = found.data;
  const seq = Number(series.next_number ?? 1);
  const number = formatNumber(String(series.number_format ?? ''), series, seq, ctx.now.getUTCFullYear());
  const next: JsonObject = { ...series, next_number: seq + 1, current_number: seq, updated_at: isoNow(ctx.now) };
  await ctx.store.update('series', seriesId, next);
  await ctx.emit('series.number_consumed', next, { number: seq });
  return number;
}

/** The series a new document of this type uses when none is given: the active default, else the first active one. */
export async function defaultSeries(ctx: Ctx, documentType: string): Promise<JsonObject | undefined> {
  const all = (await ctx.store.all('series')).filter((s) => s.document_type === documentType && s.is_active !== false);
  return all.find((s) => s.is_default === true) ?? all[0];
}

export const clientRef = (c: JsonObject): JsonObject => ({ id: str(c.id) ?? null, name: str(c.name) ?? null });
export const seriesRef = (s: JsonObject | undefined): JsonObject => ({ id: str(s?.id) ?? null, code: str(s?.code) ?? null });

export function metadataKeys(m: Json | undefined): string[] {
  return isObject(m) ? Object.keys(m).sort() : [];
}

/** Records `<type>.updated` and, when the metadata keys changed, `<type>.metadata_changed`. */
export async function emitUpdated(ctx: Ctx, objectType: string, before: JsonObject, after: JsonObject): Promise<void> {
  await ctx.emit(`${objectType}.updated`, after);
  const prev = metadataKeys(before.metadata);
  const next = metadataKeys(after.metadata);
  if (JSON.stringify(before.metadata ?? {}) !== JSON.stringify(after.metadata ?? {}))
    await ctx.emit(`${objectType}.metadata_changed`, after, { previous_keys: prev, new_keys: next });
}
