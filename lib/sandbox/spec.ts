/**
 * The OpenAPI document as the sandbox uses it, parsed and indexed once per process: the operations and a
 * router over their paths, the error catalogue, the published API versions, the event catalogue, and one
 * Ajv instance that compiles each schema once (cached by schema object) for request validation.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Json, JsonObject } from '../openapi/bundle';
import { openapiDocument } from '../openapi/document';
import { type Operation, listOperations } from '../openapi/operations';
import { deref, isObject, walk } from '../openapi/walk';

export interface ErrorCodeInfo {
  type: string;
  status: number;
}

export type RouteMatch =
  | { kind: 'found'; op: Operation; params: Record<string, string> }
  | { kind: 'method_not_allowed'; allow: string[]; ops: Operation[] }
  | { kind: 'not_found' };

interface Route {
  op: Operation;
  segments: string[];
  statics: number;
}

/** Formats OpenAPI uses that JSON Schema validators do not know; they only annotate. */
const ANNOTATION_FORMATS = ['float', 'double', 'int32', 'int64', 'binary', 'byte', 'password', 'decimal', 'iban', 'bic'];
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export class SandboxSpec {
  readonly doc: JsonObject;
  readonly operations: Operation[];
  readonly byId = new Map<string, Operation>();
  readonly errorCodes: Record<string, ErrorCodeInfo>;
  readonly versions: string[];
  readonly latestVersion: string;
  readonly eventTypes: Set<string>;
  readonly scopes: Set<string>;
  private readonly routes: Route[];
  private readonly ajv: Ajv2020;
  private readonly compiled = new WeakMap<object, ValidateFunction>();

  constructor(doc: JsonObject) {
    this.doc = doc;
    this.operations = listOperations(doc);
    for (const op of this.operations) this.byId.set(op.operationId, op);
    this.routes = this.operations
      .map((op) => {
        const segments = op.path.split('/').filter(Boolean);
        return { op, segments, statics: segments.filter((s) => !s.startsWith('{')).length };
      })
      .sort((a, b) => b.statics - a.statics || a.segments.length - b.segments.length);
    const codes = isObject(doc['x-error-codes']) ? doc['x-error-codes'] : {};
    this.errorCodes = Object.fromEntries(
      Object.entries(codes).map(([code, info]) => {
        const i = isObject(info) ? info : {};
        return [code, { type: String(i.type), status: Number(i.status) }];
      }),
    );
    this.versions = publishedVersions(doc);
    this.latestVersion = [...this.versions].sort().at(-1) ?? '';
    this.eventTypes = new Set(Object.keys(isObject(doc.webhooks) ? doc.webhooks : {}));
    this.scopes = new Set(this.operations.map((o) => o.scope).filter((s): s is string => !!s));
    this.ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
    addFormats(this.ajv);
    for (const f of ANNOTATION_FORMATS) this.ajv.addFormat(f, true);
    this.ajv.addSchema({ $id: 'openapi.json', components: doc.components ?? {} } as object);
  }

  /** Finds the operation for a method and a path relative to the API root (`/invoices/019…`). */
  match(method: string, path: string): RouteMatch {
    const parts = path.split('/').filter(Boolean);
    let decoded: string[];
    try {
      decoded = parts.map((p) => decodeURIComponent(p));
    } catch {
      return { kind: 'not_found' };
    }
    // Routes are sorted with the most literal segments first: `/invoices/stats` wins over `/invoices/{invoice}`.
    let bestPath: string | undefined;
    const allow: string[] = [];
    const ops: Operation[] = [];
    for (const route of this.routes) {
      if (route.segments.length !== decoded.length) continue;
      if (bestPath !== undefined && route.op.path !== bestPath) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < decoded.length && ok; i++) {
        const seg = route.segments[i];
        if (seg.startsWith('{')) params[seg.slice(1, -1)] = decoded[i];
        else ok = seg === decoded[i];
      }
      if (!ok) continue;
      bestPath = route.op.path;
      if (route.op.method === method.toLowerCase()) return { kind: 'found', op: route.op, params };
      allow.push(route.op.method.toUpperCase());
      ops.push(route.op);
    }
    if (allow.length) return { kind: 'method_not_allowed', allow: allow.sort(), ops };
    return { kind: 'not_found' };
  }

  /** A validator for a schema of the document, compiled on first use and kept for the life of the process. */
  validator(schema: JsonObject): ValidateFunction {
    let v = this.compiled.get(schema);
    if (!v) {
      v = this.ajv.compile(rewriteRefs(schema) as object);
      this.compiled.set(schema, v);
    }
    return v;
  }

  /** Resolves `$ref` chains of a schema (not recursively). */
  resolve(schema: Json | undefined): JsonObject {
    const s = deref(this.doc, schema ?? {});
    return isObject(s) ? s : {};
  }
}

function rewriteRefs(s: Json): Json {
  if (Array.isArray(s)) return s.map(rewriteRefs);
  if (!isObject(s)) return s;
  return Object.fromEntries(
    Object.entries(s).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `openapi.json${v}` : rewriteRefs(v),
    ]),
  );
}

/**
 * The API versions the document publishes: `info.x-api-versions` when it lists them, otherwise every
 * version date the document shows (the `Factuarea-Version` examples and the `api_version` of its examples).
 */
export function publishedVersions(doc: JsonObject): string[] {
  const info = isObject(doc.info) ? doc.info : {};
  const listed = info['x-api-versions'];
  if (Array.isArray(listed)) return listed.filter((v): v is string => typeof v === 'string' && DATE_RE.test(v));
  const found = new Set<string>();
  walk(doc, (node, pointer) => {
    if (pointer.includes('FactuareaVersion') && typeof node.example === 'string' && DATE_RE.test(node.example)) found.add(node.example);
    if (pointer.startsWith('#/components/examples') && typeof node.api_version === 'string' && DATE_RE.test(node.api_version))
      found.add(node.api_version);
  });
  return [...found].sort();
}

const KEY = Symbol.for('factuarea.sandbox.spec');
type Holder = typeof globalThis & { [KEY]?: SandboxSpec };

/** The process-wide spec, built from openapi/dist/openapi.json on first use. */
export function sandboxSpec(): SandboxSpec {
  const g = globalThis as Holder;
  g[KEY] ??= new SandboxSpec(openapiDocument());
  return g[KEY];
}
