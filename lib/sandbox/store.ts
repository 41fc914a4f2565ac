/**
 * The objects of one sandbox company in `sandbox_objects`: get, insert, update, delete, count and the cursor
 * list with filters and sort. Every value reaches SQL as a parameter; field names only come from the
 * document's schemas and are checked against a strict pattern before they are spliced into an expression.
 */
import type { Json, JsonObject } from '../openapi/bundle';
import type { Queryable } from '../db';
import { ApiError } from './errors';

export interface Stored {
  id: string;
  data: JsonObject;
  meta: JsonObject;
  createdAt: string;
}

export type Cast = 'text' | 'numeric' | 'bool' | 'timestamptz';

export interface Filter {
  /** A field of the object (`status`, `client.id`, `total`) or `created` for the row's creation time. */
  field: string;
  op: 'eq' | 'in' | 'gte' | 'lte' | 'gt' | 'lt' | 'contains' | 'has' | 'has_any';
  value: Json;
  cast: Cast;
}

export interface ListOptions {
  limit: number;
  startingAfter?: string;
  endingBefore?: string;
  /** `created`, `-created`, `total`... */
  sort?: string;
  sortCast?: Cast;
  filters?: Filter[];
  /** Free-text search over the whole object. */
  search?: string;
}

export interface Page {
  data: JsonObject[];
  has_more: boolean;
  next_cursor: string | null;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELD_RE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

/** `client.id` → `data->'client'->>'id'`. */
function fieldExpr(field: string): string {
  if (field === 'created') return 'created_at';
  if (!FIELD_RE.test(field)) throw new Error(`unsafe field name ${field}`);
  const parts = field.split('.');
  const last = parts.pop()!;
  return `data${parts.map((p) => `->'${p}'`).join('')}->>'${last}'`;
}

function typed(expr: string, cast: Cast): string {
  if (expr === 'created_at') return expr;
  if (cast === 'numeric') return `(${expr})::numeric`;
  if (cast === 'timestamptz') return `(${expr})::timestamptz`;
  return expr;
}

function sortExpr(field: string, cast: Cast): string {
  const e = typed(fieldExpr(field), cast);
  if (e === 'created_at') return e;
  return cast === 'numeric' ? `COALESCE(${e}, 0)` : cast === 'timestamptz' ? `COALESCE(${e}, 'epoch')` : `COALESCE(${e}, '')`;
}

export class Store {
  constructor(
    readonly q: Queryable,
    readonly companyId: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(kind: string, id: string, { lock = false } = {}): Promise<Stored | undefined> {
    if (!UUID_RE.test(id)) return undefined;
    const { rows } = await this.q.query<{ id: string; data: JsonObject; meta: JsonObject; created_at: Date | string }>(
      `SELECT id, data, meta, created_at FROM sandbox_objects WHERE company_id = $1 AND kind = $2 AND id = $3${lock ? ' FOR UPDATE' : ''}`,
      [this.companyId, kind, id],
    );
    const r = rows[0];
    return r ? { id: r.id, data: r.data, meta: r.meta ?? {}, createdAt: new Date(r.created_at).toISOString() } : undefined;
  }

  async require(kind: string, id: string, what: string, param: string | null = null): Promise<Stored> {
    const found = await this.get(kind, id, { lock: true });
    if (!found) throw new ApiError('resource_not_found', `No ${what} with that id exists in this sandbox company.`, param);
    return found;
  }

  async insert(kind: string, id: string, data: JsonObject, meta: JsonObject = {}, createdAt?: string): Promise<void> {
    const at = createdAt ?? this.now().toISOString();
    await this.q.query(
      `INSERT INTO sandbox_objects (company_id, kind, id, data, meta, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [this.companyId, kind, id, JSON.stringify(data), JSON.stringify(meta), at, this.now().toISOString()],
    );
  }

  async update(kind: string, id: string, data: JsonObject, meta?: JsonObject): Promise<void> {
    await this.q.query(
      `UPDATE sandbox_objects SET data = $4, meta = COALESCE($5, meta), updated_at = $6 WHERE company_id = $1 AND kind = $2 AND id = $3`,
      [this.companyId, kind, id, JSON.stringify(data), meta ? JSON.stringify(meta) : null, this.now().toISOString()],
    );
  }

  async delete(kind: string, id: string): Promise<boolean> {
    const res = await this.q.query(`DELETE FROM sandbox_objects WHERE company_id = $1 AND kind = $2 AND id = $3`, [
      this.companyId,
      kind,
      id,
    ]);
    return res.rowCount > 0;
  }

  /** Objects of every kind but `except` (events are trimmed instead of counted). */
  async count(except: string[] = []): Promise<number> {
    const { rows } = await this.q.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM sandbox_objects WHERE company_id = $1 AND NOT (kind = ANY($2::text[]))`,
      [this.companyId, except],
    );
    return Number(rows[0].n);
  }

  /** Objects whose field equals a value (`external_id`, `sku`, `tax_id`...), oldest first. */
  async findBy(kind: string, field: string, value: Json): Promise<Stored[]> {
    const { rows } = await this.q.query<{ id: string; data: JsonObject; meta: JsonObject; created_at: Date | string }>(
      `SELECT id, data, meta, created_at FROM sandbox_objects WHERE company_id = $1 AND kind = $2 AND ${fieldExpr(field)} = $3
       ORDER BY created_at, id`,
      [this.companyId, kind, value === null ? null : String(value)],
    );
    return rows.map((r) => ({ id: r.id, data: r.data, meta: r.meta ?? {}, createdAt: new Date(r.created_at).toISOString() }));
  }

  /** Whether any object of these kinds has the value in a field (`client.id`), or a line whose `product.id` it is. */
  async isReferenced(kinds: string[], field: string, value: string): Promise<boolean> {
    const lines = field === 'lines.product.id';
    const { rows } = await this.q.query(
      `SELECT 1 FROM sandbox_objects WHERE company_id = $1 AND kind = ANY($2::text[]) AND ${
        lines ? `data->'lines' @> $3::jsonb` : `${fieldExpr(field)} = $3`
      } LIMIT 1`,
      [this.companyId, kinds, lines ? JSON.stringify([{ product: { id: value } }]) : value],
    );
    return rows.length > 0;
  }

  /** Every object of a kind, oldest first (small collections: series, taxes, endpoints). */
  async all(kind: string, filters: Filter[] = []): Promise<JsonObject[]> {
    const params: unknown[] = [this.companyId, kind];
    const where = filters.map((f) => this.condition(f, params));
    const { rows } = await this.q.query<{ data: JsonObject }>(
      `SELECT data FROM sandbox_objects WHERE company_id = $1 AND kind = $2${where.map((w) => ` AND ${w}`).join('')} ORDER BY created_at, id`,
      params,
    );
    return rows.map((r) => r.data);
  }

  private condition(f: Filter, params: unknown[]): string {
    const expr = fieldExpr(f.field);
    const add = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const scalar = (v: Json) => (v === null ? null : typeof v === 'object' ? JSON.stringify(v) : String(v));
    switch (f.op) {
      case 'in':
        return `${expr} = ANY(${add(
          String(f.value)
            .split(',')
            .map((s) => s.trim()),
        )}::text[])`;
      case 'contains':
        return `${expr} ILIKE ${add(`%${String(f.value).replace(/[%_\\]/g, (c) => `\\${c}`)}%`)}`;
      case 'has': {
        const arr = expr.replace(/->>'([a-z0-9_]+)'$/, "->'$1'");
        return `jsonb_exists(${arr}, ${add(String(f.value))})`;
      }
      case 'has_any': {
        const arr = expr.replace(/->>'([a-z0-9_]+)'$/, "->'$1'");
        return `jsonb_exists_any(${arr}, ${add(
          String(f.value)
            .split(',')
            .map((s) => s.trim()),
        )}::text[])`;
      }
      default: {
        const sqlOp = { eq: '=', gte: '>=', lte: '<=', gt: '>', lt: '<' }[f.op];
        const left = typed(expr, f.cast);
        const cast = f.cast === 'numeric' ? '::numeric' : f.cast === 'timestamptz' ? '::timestamptz' : '';
        return `${left} ${sqlOp} ${add(scalar(f.value))}${cast}`;
      }
    }
  }

  async list(kind: string, opts: ListOptions): Promise<Page> {
    if (opts.startingAfter && opts.endingBefore)
      throw new ApiError('parameter_invalid', 'Send starting_after or ending_before, not both.', 'ending_before');
    const params: unknown[] = [this.companyId, kind];
    const where: string[] = ['company_id = $1', 'kind = $2'];
    for (const f of opts.filters ?? []) where.push(this.condition(f, params));
    if (opts.search) {
      params.push(`%${opts.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
      where.push(`data::text ILIKE $${params.length}`);
    }
    const sort = opts.sort ?? '-created';
    const desc = sort.startsWith('-');
    const key = sortExpr(sort.replace(/^-/, ''), opts.sortCast ?? 'text');
    const cursor = opts.startingAfter ?? opts.endingBefore;
    const backwards = !!opts.endingBefore;
    if (cursor) {
      const exists = await this.get(kind, cursor);
      if (!exists)
        throw new ApiError(
          'invalid_param_value',
          'The cursor is not the id of an object in this list.',
          backwards ? 'ending_before' : 'starting_after',
        );
      params.push(cursor);
      const c = `$${params.length}`;
      // Forward on a descending sort means "smaller than the cursor"; backwards flips it.
      const cmp = desc !== backwards ? '<' : '>';
      where.push(`(${key}, id) ${cmp} (SELECT ${key}, id FROM sandbox_objects WHERE company_id = $1 AND kind = $2 AND id = ${c}::uuid)`);
    }
    const dir = desc !== backwards ? 'DESC' : 'ASC';
    params.push(opts.limit + 1);
    const { rows } = await this.q.query<{ data: JsonObject }>(
      `SELECT data FROM sandbox_objects WHERE ${where.join(' AND ')} ORDER BY ${key} ${dir}, id ${dir} LIMIT $${params.length}`,
      params,
    );
    const hasMore = rows.length > opts.limit;
    const data = rows.slice(0, opts.limit).map((r) => r.data);
    if (backwards) data.reverse();
    const edge = backwards ? data[0] : data.at(-1);
    return { data, has_more: hasMore, next_cursor: hasMore && edge ? String(edge.id) : null };
  }
}
