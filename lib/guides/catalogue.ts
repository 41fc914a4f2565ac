/**
 * The catalogues the guides show, read from the OpenAPI document so a guide and the reference never
 * disagree: scopes and the operations that need them, error types and codes, and webhook event types.
 */
import type { Json, JsonObject } from '../openapi/bundle';
import { listOperations, type Operation } from '../openapi/operations';
import { deref, isObject } from '../openapi/walk';

export interface ScopeEntry {
  scope: string;
  /** `invoices` in `invoices:write`. */
  resource: string;
  /** `write` in `invoices:write`. */
  action: string;
  operations: Pick<Operation, 'operationId' | 'method' | 'path' | 'summary' | 'tagSlug' | 'irreversible'>[];
}

/** Every scope any operation requires, sorted by resource then action, with its operations. */
export function scopeCatalogue(doc: JsonObject): ScopeEntry[] {
  const byScope = new Map<string, ScopeEntry>();
  for (const op of listOperations(doc)) {
    if (!op.scope) continue;
    const [resource, action = ''] = op.scope.split(':');
    const entry = byScope.get(op.scope) ?? { scope: op.scope, resource, action, operations: [] };
    entry.operations.push({
      operationId: op.operationId,
      method: op.method,
      path: op.path,
      summary: op.summary,
      tagSlug: op.tagSlug,
      irreversible: op.irreversible,
    });
    byScope.set(op.scope, entry);
  }
  const actionRank = ['read', 'write', 'send', 'transition', 'void', 'delete'];
  const rank = (a: string) => (actionRank.includes(a) ? actionRank.indexOf(a) : actionRank.length);
  return [...byScope.values()].sort(
    (a, b) => a.resource.localeCompare(b.resource) || rank(a.action) - rank(b.action) || a.action.localeCompare(b.action),
  );
}

/** The operations marked `x-irreversible`, in document order. */
export function irreversibleOperations(doc: JsonObject): Operation[] {
  return listOperations(doc).filter((op) => op.irreversible);
}

export interface ErrorType {
  type: string;
  status: number[];
  description: string;
}
export interface ErrorCode {
  code: string;
  type: string;
  status: number;
  cause: string;
  fix: string;
}

export function errorTypes(doc: JsonObject): ErrorType[] {
  const types = isObject(doc['x-error-types']) ? doc['x-error-types'] : {};
  return Object.entries(types).map(([type, v]) => {
    const o = isObject(v) ? v : {};
    return {
      type,
      status: Array.isArray(o.status) ? o.status.map(Number) : [],
      description: String(o.description ?? ''),
    };
  });
}

export function errorCodes(doc: JsonObject): ErrorCode[] {
  const codes = isObject(doc['x-error-codes']) ? doc['x-error-codes'] : {};
  return Object.entries(codes).map(([code, v]) => {
    const o = isObject(v) ? v : {};
    return { code, type: String(o.type ?? ''), status: Number(o.status), cause: String(o.cause ?? ''), fix: String(o.fix ?? '') };
  });
}

export interface EventType {
  /** `invoice.paid` */
  name: string;
  /** `invoice` */
  family: string;
  summary: string;
  description: string;
  /** The example delivery body, when the document has one. */
  example?: Json;
}

export interface EventFamily {
  family: string;
  title: string;
  events: EventType[];
}

const FAMILY_TITLES: Record<string, string> = {
  invoice: 'Invoices',
  quote: 'Quotes',
  proforma: 'Proformas',
  delivery_note: 'Delivery notes',
  purchase_invoice: 'Purchase invoices',
  recurring_invoice: 'Recurring invoices',
  client: 'Clients',
  product: 'Products',
  payment: 'Payments',
  tax: 'Taxes',
  series: 'Series',
  facturae: 'FacturaE and FACe',
  payout: 'Stripe payouts',
};

/** `delivery_note` → `delivery-note`: the URL segment of an event family. */
export const familySlug = (family: string) => family.replace(/_/g, '-');

/** Every event type of the document's `webhooks`, in document order. */
export function eventTypes(doc: JsonObject): EventType[] {
  const hooks = isObject(doc.webhooks) ? doc.webhooks : {};
  return Object.entries(hooks).map(([name, item]) => {
    const op = isObject(item) && isObject(item.post) ? item.post : {};
    const body = isObject(op.requestBody) ? (deref(doc, op.requestBody) as JsonObject) : {};
    const media = isObject(body.content) && isObject(body.content['application/json']) ? body.content['application/json'] : {};
    const examples = isObject(media.examples) ? Object.values(media.examples).map((e) => deref(doc, e)) : [];
    const first = examples.find((e) => isObject(e) && 'value' in e) as JsonObject | undefined;
    return {
      name,
      family: name.split('.')[0],
      summary: String(op.summary ?? name),
      description: String(op.description ?? ''),
      example: first?.value,
    };
  });
}

/** Event types grouped by the resource they concern, families in document order. */
export function eventFamilies(doc: JsonObject): EventFamily[] {
  const families = new Map<string, EventFamily>();
  for (const e of eventTypes(doc)) {
    const f = families.get(e.family) ?? { family: e.family, title: FAMILY_TITLES[e.family] ?? e.family, events: [] };
    f.events.push(e);
    families.set(e.family, f);
  }
  return [...families.values()];
}

/** The anchor of an event type on its family page: `invoice.paid` → `invoice-paid`. */
export const eventAnchor = (name: string) => name.replace(/[._]/g, '-');
