/**
 * Picks the handler of an operation: a life-cycle action, a generic operation of a stateful collection,
 * or the example-backed answer for everything else. Chosen once per operation and cached.
 */
import type { JsonObject } from '../../openapi/bundle';
import type { Operation } from '../../openapi/operations';
import { type Handler, ok } from '../context';
import { ApiError } from '../errors';
import { type KindInfo, kinds, splitOperationId } from '../kinds';
import type { SandboxSpec } from '../spec';
import { ACTIONS } from './actions';
import { withStockFlags } from './catalog';
import { defaultSeries, str } from './common';
import {
  arrayHandler,
  bulkDeleteHandler,
  createHandler,
  deleteHandler,
  findByHandler,
  listHandler,
  showHandler,
  toggleActiveHandler,
  updateHandler,
} from './crud';
import { exampleHandler } from './examples';
import { hooksFor } from './hooks';

const FIND_BY: Record<string, string> = {
  find_by_external_id: 'external_id',
  find_by_number: 'number',
  find_by_tax_id: 'tax_id',
  find_by_sku: 'sku',
  find_by_code: 'code',
};

/** What the collection-wide reads keep (`/taxes/active`, `/taxes/for-sales`...). */
const ARRAY_READS: Record<string, (o: JsonObject, q: Record<string, unknown>) => boolean> = {
  search: () => true,
  active: (o) => o.is_active !== false,
  for_sales: (o) => o.is_active !== false && (o.applies_to === 'sales' || o.applies_to === 'both'),
  for_purchases: (o) => o.is_active !== false && (o.applies_to === 'purchases' || o.applies_to === 'both'),
  by_type: (o, q) => !q.type || o.type === q.type,
  low_stock_report: (o) => withStockFlags(o).is_low_stock === true,
};

function collectionHandler(spec: SandboxSpec, info: KindInfo, action: string, op: Operation): Handler | undefined {
  const hooks = hooksFor(info);
  if (action === 'list') return listHandler(info, hooks);
  if (action === 'show') return showHandler(info);
  if (FIND_BY[action]) return findByHandler(info, FIND_BY[action]);
  if (action === 'default' && info.kind === 'series')
    return async (ctx) => {
      const s = await defaultSeries(ctx, str(ctx.req.query.document_type) ?? 'invoice');
      if (!s) throw new ApiError('resource_not_found', 'There is no default series for that document type.');
      return ok(s);
    };
  if (ARRAY_READS[action] && info.arrayOps.includes(op)) return arrayHandler(info, (o, ctx) => ARRAY_READS[action](o, ctx.req.query));
  if (action === 'toggle_active' || action === 'toggle') return toggleActiveHandler(info);
  if (!hooks) return undefined;
  if (action === 'create') return createHandler(info, hooks);
  if (action === 'update') return updateHandler(info, hooks);
  if (action === 'delete') return deleteHandler(info, hooks);
  if (action === 'bulk_delete' || action === 'bulk-delete') return bulkDeleteHandler(info, hooks);
  void spec;
  return undefined;
}

function deliveriesHandler(spec: SandboxSpec, action: string): Handler | undefined {
  const info = kinds(spec).get('webhook_deliveries');
  const parent = kinds(spec).get('webhook_endpoints');
  if (!info || !parent) return undefined;
  const inner =
    action === 'deliveries.list'
      ? listHandler(info, undefined, async (ctx) => [
          { field: 'webhook_endpoint_id', op: 'eq', value: ctx.req.path[parent.param], cast: 'text' },
        ])
      : action === 'deliveries.show'
        ? showHandler(info)
        : undefined;
  if (!inner) return undefined;
  return async (ctx) => {
    if (!(await ctx.store.get(parent.kind, ctx.req.path[parent.param])))
      throw new ApiError('resource_not_found', 'No webhook endpoint with that id exists in this sandbox company.', parent.param);
    const result = await inner(ctx);
    return result;
  };
}

const cache = new WeakMap<Operation, Handler>();

export function findHandler(spec: SandboxSpec, op: Operation): Handler {
  let h = cache.get(op);
  if (h) return h;
  const { resource, action } = splitOperationId(op.operationId);
  const info = kinds(spec).get(resource);
  h =
    ACTIONS[resource]?.[action] ??
    (resource === 'webhook_endpoints' && action.startsWith('deliveries.') ? deliveriesHandler(spec, action) : undefined) ??
    (info ? collectionHandler(spec, info, action, op) : undefined) ??
    exampleHandler(op);
  cache.set(op, h);
  return h;
}
