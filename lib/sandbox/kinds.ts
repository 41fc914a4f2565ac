/**
 * The resources the sandbox keeps state for, described from the document: for each collection its object
 * type (`invoice`), its schema, the name of its path parameter and its list and retrieve operations.
 * Only the list of collections is ours; everything else is read from the operations.
 */
import type { JsonObject } from '../openapi/bundle';
import type { Operation } from '../openapi/operations';
import { isObject } from '../openapi/walk';
import type { SandboxSpec } from './spec';

/** Collections with state in the database; every other operation answers from the document's examples. */
export const STATEFUL = [
  'clients',
  'suppliers',
  'products',
  'series',
  'taxes',
  'invoices',
  'quotes',
  'proformas',
  'delivery_notes',
  'recurring_invoices',
  'purchase_invoices',
  'webhook_endpoints',
  'events',
] as const;

/** Nested collections: stored like the others, listed under their parent. */
const NESTED: Record<string, { operationPrefix: string; parent: string }> = {
  webhook_deliveries: { operationPrefix: 'webhook_endpoints.deliveries', parent: 'webhook_endpoints' },
};

export interface KindInfo {
  kind: string;
  objectType: string;
  schemaName: string;
  schema: JsonObject;
  param: string;
  showOp: Operation;
  listOp?: Operation;
  /** Other reads of this tag whose 200 body is an array of these objects (`/taxes/active`, `/clients/search`). */
  arrayOps: Operation[];
  parent?: string;
}

const PREFIX = 'public-api.v1.';

/** `public-api.v1.webhook_endpoints.deliveries.show` → { resource: 'webhook_endpoints', action: 'deliveries.show' }. */
export function splitOperationId(operationId: string): { resource: string; action: string } {
  const rest = operationId.startsWith(PREFIX) ? operationId.slice(PREFIX.length) : operationId;
  const [resource, ...action] = rest.split('.');
  return { resource, action: action.join('.') };
}

/** The `$ref` name and schema of `data` in an operation's 200 (or first 2xx) JSON response. */
export function dataSchemaOf(spec: SandboxSpec, op: Operation): { name?: string; schema: JsonObject; isArray: boolean } | undefined {
  const ok = op.responses.find((r) => r.status.startsWith('2'));
  const media = ok?.content.find((c) => c.mediaType.includes('json'));
  if (!media) return undefined;
  const root = spec.resolve(media.schema);
  const parts = [root, ...((Array.isArray(root.allOf) ? root.allOf : []) as JsonObject[]).map((p) => spec.resolve(p))];
  for (const part of parts.reverse()) {
    const props = isObject(part.properties) ? part.properties : {};
    const data = props.data;
    if (!isObject(data)) continue;
    const resolvedData = spec.resolve(data);
    const isArray = resolvedData.type === 'array' || isObject(resolvedData.items);
    const target = isArray ? resolvedData.items : data;
    const name = isObject(target) && typeof target.$ref === 'string' ? target.$ref.split('/').pop() : undefined;
    return { name, schema: spec.resolve(target ?? {}), isArray };
  }
  return undefined;
}

export function objectTypeOf(schema: JsonObject): string | undefined {
  const props = isObject(schema.properties) ? schema.properties : {};
  const object = isObject(props.object) ? props.object : {};
  if (Array.isArray(object.enum) && typeof object.enum[0] === 'string') return object.enum[0];
  if (typeof object.const === 'string') return object.const;
  return undefined;
}

const cache = new WeakMap<SandboxSpec, Map<string, KindInfo>>();

export function kinds(spec: SandboxSpec): Map<string, KindInfo> {
  let map = cache.get(spec);
  if (map) return map;
  map = new Map();
  const entries: [string, string, string | undefined][] = [
    ...STATEFUL.map((k) => [k, k, undefined] as [string, string, undefined]),
    ...Object.entries(NESTED).map(([k, n]) => [k, n.operationPrefix, n.parent] as [string, string, string]),
  ];
  for (const [kind, prefix, parent] of entries) {
    const showOp = spec.byId.get(`${PREFIX}${prefix}.show`);
    if (!showOp) throw new Error(`the document has no ${PREFIX}${prefix}.show operation`);
    const listOp = spec.byId.get(`${PREFIX}${prefix}.list`);
    const shape = dataSchemaOf(spec, showOp);
    if (!shape?.name) throw new Error(`${showOp.operationId} does not return a named schema`);
    const objectType = objectTypeOf(shape.schema);
    if (!objectType) throw new Error(`${shape.name} has no object discriminator`);
    const param = showOp.parameters.filter((p) => p.in === 'path').at(-1)?.name ?? '';
    const arrayOps = spec.operations.filter((op) => {
      if (op.method !== 'get' || op === listOp || op.tag !== showOp.tag) return false;
      const d = dataSchemaOf(spec, op);
      return !!d && d.isArray && d.name === shape.name && !op.parameters.some((p) => p.in === 'path');
    });
    map.set(kind, { kind, objectType, schemaName: shape.name, schema: shape.schema, param, showOp, listOp, arrayOps, parent });
  }
  cache.set(spec, map);
  return map;
}

/** The stateful kind a path parameter names (`invoice` → invoices), if any. */
export function kindOfParam(spec: SandboxSpec, param: string): KindInfo | undefined {
  for (const k of kinds(spec).values()) if (k.param === param) return k;
  return undefined;
}

export function kindOfObjectType(spec: SandboxSpec, objectType: string): KindInfo | undefined {
  for (const k of kinds(spec).values()) if (k.objectType === objectType) return k;
  return undefined;
}
