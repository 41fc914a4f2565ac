/**
 * The operations every stateful collection shares, written once: list (cursor pagination, the filters and
 * sort the operation's parameters define), retrieve, create, update, delete, find by `external_id`, bulk
 * delete, search and the other reads that return the whole collection. Each kind plugs in `Hooks` for
 * how its objects are built from a request and which changes its life cycle forbids.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Json, JsonObject } from '../../openapi/bundle';
import { isObject } from '../../openapi/walk';
import { type Ctx, type Handler, type Result, ok } from '../context';
import { ApiError } from '../errors';
import type { KindInfo } from '../kinds';
import { isoNow, shape } from '../objects';
import type { Cast, Filter } from '../store';
import { checkExternalId, checkQuota, emitUpdated, kindInfo, str } from './common';

export interface Hooks {
  /** The object a create (no `existing`) or an update would produce, before it is shaped to the schema. */
  build(ctx: Ctx, body: JsonObject, existing?: JsonObject): Promise<JsonObject>;
  /** What the sandbox keeps beside a new object (a webhook secret). */
  meta?(ctx: Ctx, created: JsonObject): JsonObject;
  /** The create response when it differs from the object (the webhook endpoint with its secret). */
  createResponse?(ctx: Ctx, created: JsonObject, meta: JsonObject): JsonObject;
  beforeUpdate?(ctx: Ctx, existing: JsonObject): void | Promise<void>;
  beforeDelete?(ctx: Ctx, existing: JsonObject): void | Promise<void>;
  /** The object as a list shows it, when that differs from the retrieve. */
  presentInList?(o: JsonObject): JsonObject;
}

const PAGING = new Set(['limit', 'starting_after', 'ending_before', 'sort', 'cursor', 'per_page', 'page', 'q', 'search']);
const OPERATORS: Record<string, Filter['op']> = { in: 'in', gte: 'gte', lte: 'lte', gt: 'gt', lt: 'lt' };

function castOf(ctx: Ctx, schema: Json | undefined): Cast {
  const s = ctx.spec.resolve(schema);
  const t = Array.isArray(s.type) ? s.type : [s.type];
  if (t.includes('number') || t.includes('integer')) return 'numeric';
  if (s.$ref === undefined && s.pattern && String(s.pattern).includes('\\d')) return 'numeric';
  if (t.includes('boolean')) return 'bool';
  if (s.format === 'date-time') return 'timestamptz';
  return 'text';
}

/** Turns the list's query parameters into filters over the kind's schema; parameters that name no field are ignored. */
export function filtersFor(ctx: Ctx, info: KindInfo): Filter[] {
  const props: JsonObject = isObject(info.schema.properties) ? info.schema.properties : {};
  const out: Filter[] = [];
  for (const [name, value] of Object.entries(ctx.req.query)) {
    if (PAGING.has(name) || value === null) continue;
    const m = /^([a-z_]+)(?:\[(in|gte|lte|gt|lt)\])?$/.exec(name);
    if (!m) continue;
    const [, base, opName] = m;
    const op: Filter['op'] = opName ? OPERATORS[opName] : 'eq';
    const param = ctx.op.parameters.find((p) => p.name === name);
    if (base === 'created') {
      out.push({ field: 'created', op, value, cast: 'timestamptz' });
      continue;
    }
    const ref = base.endsWith('_id') ? base.slice(0, -3) : undefined;
    const field =
      base in props
        ? base
        : `is_${base}` in props
          ? `is_${base}`
          : base === 'tag' && 'tags' in props
            ? 'tags'
            : ref && ref in props
              ? `${ref}.id`
              : undefined;
    if (!field) continue;
    const propSchema = ctx.spec.resolve(props[field.split('.')[0]]);
    const isArray = propSchema.type === 'array' || (Array.isArray(propSchema.type) && propSchema.type.includes('array'));
    if (isArray) {
      out.push({ field, op: op === 'in' ? 'has_any' : 'has', value, cast: 'text' });
      continue;
    }
    const partial = op === 'eq' && /contain|partial|part of/i.test(param?.description ?? '');
    out.push({ field, op: partial ? 'contains' : op, value, cast: field.endsWith('.id') ? 'text' : castOf(ctx, props[field]) });
  }
  return out;
}

export function listHandler(info: KindInfo, hooks?: Hooks, scope?: (ctx: Ctx) => Promise<Filter[]>): Handler {
  return async (ctx) => {
    const props: JsonObject = isObject(info.schema.properties) ? info.schema.properties : {};
    const sort = str(ctx.req.query.sort);
    const sortField = sort?.replace(/^-/, '');
    const limitParam = ctx.op.parameters.find((p) => p.name === 'limit');
    const limit = typeof ctx.req.query.limit === 'number' ? ctx.req.query.limit : Number(limitParam?.schema.default ?? 25);
    const page = await ctx.store.list(info.kind, {
      limit,
      startingAfter: str(ctx.req.query.starting_after) ?? str(ctx.req.query.cursor),
      endingBefore: str(ctx.req.query.ending_before),
      sort,
      sortCast: sortField && sortField !== 'created' ? castOf(ctx, props[sortField]) : undefined,
      filters: [...(scope ? await scope(ctx) : []), ...filtersFor(ctx, info)],
      search: str(ctx.req.query.q) ?? str(ctx.req.query.search),
    });
    return { status: 200, body: { ...page, data: page.data.map((o) => (hooks?.presentInList ? hooks.presentInList(o) : o)) } };
  };
}

export function showHandler(info: KindInfo): Handler {
  return async (ctx) => {
    const found = await ctx.store.get(info.kind, ctx.req.path[info.param]);
    if (!found)
      throw new ApiError(
        'resource_not_found',
        `No ${info.objectType.replace(/_/g, ' ')} with that id exists in this sandbox company.`,
        info.param,
      );
    return ok(found.data);
  };
}

const successStatus = (ctx: Ctx) => (ctx.op.responses.some((r) => r.status === '201') ? 201 : 200);

/** Stores a new object built by the hooks, records `<type>.created` and answers 201. */
export async function createObject(
  ctx: Ctx,
  info: KindInfo,
  hooks: Hooks,
  body: JsonObject,
): Promise<{ created: JsonObject; meta: JsonObject }> {
  await checkQuota(ctx);
  await checkExternalId(ctx, info.kind, body.external_id);
  const candidate = await hooks.build(ctx, body);
  candidate.id ??= uuidv7();
  candidate.object = info.objectType;
  candidate.created_at ??= isoNow(ctx.now);
  candidate.updated_at = isoNow(ctx.now);
  const created = shape(ctx.spec, info.schema, candidate, ctx.now);
  const meta = hooks.meta?.(ctx, created) ?? {};
  await ctx.store.insert(info.kind, String(created.id), created, meta);
  await ctx.emit(`${info.objectType}.created`, created);
  return { created, meta };
}

export function createHandler(info: KindInfo, hooks: Hooks): Handler {
  return async (ctx) => {
    const { created, meta } = await createObject(ctx, info, hooks, ctx.req.body);
    const body = hooks.createResponse?.(ctx, created, meta) ?? created;
    const location = info.showOp.path.replace(`{${info.param}}`, String(created.id));
    return { status: successStatus(ctx), body: { data: body }, headers: { Location: `/sandbox/v1${location}` } };
  };
}

/** Saves a changed object and records `<type>.updated` (and `metadata_changed`). */
export async function saveObject(ctx: Ctx, info: KindInfo, before: JsonObject, candidate: JsonObject): Promise<JsonObject> {
  const after = shape(ctx.spec, info.schema, { ...candidate, updated_at: isoNow(ctx.now) }, ctx.now);
  await ctx.store.update(info.kind, String(after.id), after);
  await emitUpdated(ctx, info.objectType, before, after);
  return after;
}

export function updateHandler(info: KindInfo, hooks: Hooks): Handler {
  return async (ctx) => {
    const found = await ctx.store.require(info.kind, ctx.req.path[info.param], info.objectType.replace(/_/g, ' '), info.param);
    await hooks.beforeUpdate?.(ctx, found.data);
    await checkExternalId(ctx, info.kind, ctx.req.body.external_id, found.id);
    const candidate = await hooks.build(ctx, ctx.req.body, found.data);
    return ok(
      await saveObject(ctx, info, found.data, { ...candidate, id: found.id, object: info.objectType, created_at: found.data.created_at }),
    );
  };
}

async function deleteOne(ctx: Ctx, info: KindInfo, hooks: Hooks, id: string): Promise<void> {
  const found = await ctx.store.require(info.kind, id, info.objectType.replace(/_/g, ' '), info.param);
  await hooks.beforeDelete?.(ctx, found.data);
  await ctx.store.delete(info.kind, id);
  await ctx.emit(`${info.objectType}.deleted`, found.data, { name: found.data.name ?? null });
}

export function deleteHandler(info: KindInfo, hooks: Hooks): Handler {
  return async (ctx) => {
    await deleteOne(ctx, info, hooks, ctx.req.path[info.param]);
    return { status: 204 };
  };
}

export function bulkDeleteHandler(info: KindInfo, hooks: Hooks): Handler {
  return async (ctx) => {
    const ids = Array.isArray(ctx.req.body.ids) ? ctx.req.body.ids.map(String) : [];
    let deleted = 0;
    const failed: JsonObject[] = [];
    for (const id of ids) {
      try {
        await deleteOne(ctx, info, hooks, id);
        deleted++;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        failed.push({ id, code: e.code, reason: e.message, message: e.message, error: e.message });
      }
    }
    const schema = ctx.spec.resolve(ctx.spec.resolve(ctx.op.responses.find((r) => r.status === '200')?.content[0]?.schema).properties);
    const resultSchema = isObject(schema) && isObject(schema.data) ? schema.data : undefined;
    return ok(shape(ctx.spec, resultSchema, { object: 'bulk_delete_result', deleted, failed }, ctx.now));
  };
}

/**
 * `POST /<kind>/find-by-<field>`: the object whose field equals the body's value, or 404. A series code is
 * matched without regard to case and, when several document types share it, needs `document_type`.
 */
export function findByHandler(info: KindInfo, field: string): Handler {
  return async (ctx) => {
    const value = ctx.req.body[field];
    const year = typeof ctx.req.body.year === 'number' ? String(ctx.req.body.year) : undefined;
    const documentType = str(ctx.req.body.document_type);
    const candidates =
      field === 'code'
        ? (await ctx.store.all(info.kind))
            .filter((o) => String(o.code).toLowerCase() === String(value ?? '').toLowerCase())
            .map((data) => ({ data }))
        : await ctx.store.findBy(info.kind, field, value ?? null);
    const found = candidates.filter(
      (o) => (!year || String(o.data.issued_on ?? '').startsWith(year)) && (!documentType || o.data.document_type === documentType),
    );
    if (!found.length) throw new ApiError('resource_not_found', `No ${info.objectType.replace(/_/g, ' ')} has that ${field}.`, field);
    if (field === 'code' && new Set(found.map((o) => o.data.document_type)).size > 1)
      throw new ApiError(
        'document_type_required_for_ambiguous_code',
        `Series of several document types use the code ${String(value)}: send document_type to choose one.`,
        'document_type',
      );
    return ok(found[0].data);
  };
}

/** Reads that return the whole collection as `{data: [...]}`, narrowed by what the operation is for. */
export function arrayHandler(info: KindInfo, keep: (o: JsonObject, ctx: Ctx) => boolean): Handler {
  return async (ctx) => {
    const q = str(ctx.req.query.q)?.toLowerCase();
    const all = await ctx.store.all(info.kind);
    return ok(all.filter((o) => keep(o, ctx) && (!q || JSON.stringify(o).toLowerCase().includes(q))));
  };
}

export function toggleActiveHandler(info: KindInfo): Handler {
  return async (ctx) => {
    const found = await ctx.store.require(info.kind, ctx.req.path[info.param], info.objectType, info.param);
    return ok(await saveObject(ctx, info, found.data, { ...found.data, is_active: found.data.is_active === false }));
  };
}

export const kindOf = (ctx: Ctx) => kindInfo(ctx);

export type { Result };
