/**
 * The operations of the document as the reference and the samples need them: tag, slug, method,
 * path, resolved parameters, request body, responses and example values — all `$ref`s followed.
 */
import type { Json, JsonObject } from './bundle';
import { HTTP_METHODS, deref, isObject } from './walk';

export type Method = (typeof HTTP_METHODS)[number];

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  description?: string;
  schema: JsonObject;
  example?: Json;
  /** Name of the shared component (`Limit`, `IdempotencyKey`...) when the parameter is a `$ref`. */
  component?: string;
}

export interface MediaExample {
  name: string;
  summary?: string;
  value: Json;
}

export interface Media {
  mediaType: string;
  schema: JsonObject;
  examples: MediaExample[];
}

export interface Response {
  status: string;
  description: string;
  /** Name of the shared component (`NotFound`...) when the response is a `$ref`. */
  component?: string;
  headers: { name: string; description?: string; schema: JsonObject; component?: string }[];
  content: Media[];
}

export interface Operation {
  operationId: string;
  method: Method;
  path: string;
  tag: string;
  tagSlug: string;
  summary: string;
  description: string;
  scope?: string;
  irreversible: boolean;
  deprecated: boolean;
  parameters: Parameter[];
  requestBody?: { required: boolean; description?: string; content: Media[] };
  responses: Response[];
  raw: JsonObject;
}

export const tagSlug = (tag: string) => tag.toLowerCase().replace(/[^a-z0-9]+/g, '-');

const refName = (node: Json) => (isObject(node) && typeof node.$ref === 'string' ? node.$ref.split('/').pop() : undefined);

function media(doc: JsonObject, content: Json): Media[] {
  if (!isObject(content)) return [];
  return Object.entries(content).map(([mediaType, m]) => {
    const mo = isObject(m) ? m : {};
    const examples: MediaExample[] = [];
    if ('example' in mo) examples.push({ name: 'example', value: mo.example });
    if (isObject(mo.examples))
      for (const [name, ex] of Object.entries(mo.examples)) {
        const e = deref(doc, ex);
        if (isObject(e) && 'value' in e) examples.push({ name, summary: typeof e.summary === 'string' ? e.summary : undefined, value: e.value });
      }
    return { mediaType, schema: (isObject(mo.schema) ? mo.schema : {}) as JsonObject, examples };
  });
}

export function parameter(doc: JsonObject, node: Json): Parameter {
  const p = deref(doc, node) as JsonObject;
  const examples = isObject(p.examples) ? Object.values(p.examples).map((e) => deref(doc, e)) : [];
  const firstExample = examples.find((e) => isObject(e) && 'value' in e) as JsonObject | undefined;
  return {
    name: String(p.name),
    in: p.in as Parameter['in'],
    required: p.required === true,
    description: typeof p.description === 'string' ? p.description : undefined,
    schema: (isObject(p.schema) ? p.schema : {}) as JsonObject,
    example: 'example' in p ? p.example : firstExample?.value,
    component: refName(node),
  };
}

export function listOperations(doc: JsonObject): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, JsonObject>)) {
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const tag = Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? op.tags[0] : 'Other';
      const params = [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])].map((p) => parameter(doc, p));
      const body = isObject(op.requestBody) ? (deref(doc, op.requestBody) as JsonObject) : undefined;
      const responses: Response[] = Object.entries(isObject(op.responses) ? op.responses : {}).map(([status, r]) => {
        const res = deref(doc, r) as JsonObject;
        return {
          status,
          description: typeof res.description === 'string' ? res.description : '',
          component: refName(r),
          headers: Object.entries(isObject(res.headers) ? res.headers : {}).map(([name, h]) => {
            const hh = deref(doc, h) as JsonObject;
            return {
              name,
              description: typeof hh.description === 'string' ? hh.description : undefined,
              schema: (isObject(hh.schema) ? hh.schema : {}) as JsonObject,
              component: refName(h),
            };
          }),
          content: media(doc, res.content),
        };
      });
      out.push({
        operationId: String(op.operationId),
        method,
        path,
        tag,
        tagSlug: tagSlug(tag),
        summary: String(op.summary ?? ''),
        description: String(op.description ?? ''),
        scope: typeof op['x-required-scope'] === 'string' ? op['x-required-scope'] : undefined,
        irreversible: op['x-irreversible'] === true,
        deprecated: op.deprecated === true,
        parameters: params,
        requestBody: body
          ? { required: body.required === true, description: typeof body.description === 'string' ? body.description : undefined, content: media(doc, body.content) }
          : undefined,
        responses,
        raw: op,
      });
    }
  }
  return out;
}

export const isWrite = (m: Method) => m === 'post' || m === 'put' || m === 'patch' || m === 'delete';

/** A success response whose schema is the cursor-paginated list envelope. */
export function isPaginatedList(doc: JsonObject, op: Operation): boolean {
  const ok = op.responses.find((r) => r.status.startsWith('2'));
  const schema = ok?.content.find((c) => c.mediaType === 'application/json')?.schema;
  return JSON.stringify(schema ?? {}).includes('#/components/schemas/PaginatedList') || hasHasMore(doc, schema);
}
function hasHasMore(doc: JsonObject, schema: Json | undefined): boolean {
  const s = deref(doc, schema ?? null);
  return isObject(s) && isObject(s.properties) && 'has_more' in s.properties;
}

/** The binary content type of the success response (PDF, ZIP, XML...), if the operation downloads a file. */
export function binaryResponse(op: Operation): string | undefined {
  const ok = op.responses.find((r) => r.status.startsWith('2'));
  return ok?.content.find((c) => !c.mediaType.includes('json'))?.mediaType;
}

/** The example request a sample shows: path values, query values, headers and body, from the document's examples. */
export interface ExampleRequest {
  path: string;
  query: [string, string][];
  headers: [string, string][];
  body?: Json;
  bodyMediaType?: string;
}

export function exampleValue(p: Parameter): Json | undefined {
  if (p.example !== undefined) return p.example;
  const s = p.schema;
  if ('default' in s) return s.default;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  return undefined;
}

/**
 * A value for a path parameter: its own example, else the id the operation's success example shows
 * (`data.id` for the last parameter, `data.<name>_id` or `data.<name>.id` for the others).
 */
export function pathParameterExample(op: Operation, p: Parameter): Json | undefined {
  const own = exampleValue(p);
  if (own !== undefined) return own;
  const ok = op.responses.find((r) => r.status.startsWith('2'));
  const value = ok?.content.flatMap((c) => c.examples)[0]?.value;
  const data = isObject(value) ? (Array.isArray(value.data) ? value.data[0] : value.data) : undefined;
  if (!isObject(data)) return undefined;
  const names = op.parameters.filter((x) => x.in === 'path').map((x) => x.name);
  const nested = data[p.name];
  if (typeof data[`${p.name}_id`] === 'string') return data[`${p.name}_id`];
  if (isObject(nested) && typeof nested.id === 'string') return nested.id;
  if (names[names.length - 1] === p.name && typeof data.id === 'string') return data.id;
  return undefined;
}

const knownIds = new WeakMap<JsonObject, Map<string, Json>>();

/** For each path parameter name, an example value found on any operation of the document (e.g. `invoice` → FV2026-0042's id). */
function pathExamplesOf(doc: JsonObject): Map<string, Json> {
  let map = knownIds.get(doc);
  if (!map) {
    map = new Map();
    const ops = listOperations(doc);
    // Retrieve operations (`GET /things/{thing}`) first: their example is the canonical object.
    ops.sort((a, b) => Number(b.method === 'get' && /\}$/.test(b.path)) - Number(a.method === 'get' && /\}$/.test(a.path)));
    for (const op of ops)
      for (const p of op.parameters.filter((x) => x.in === 'path')) {
        const v = pathParameterExample(op, p);
        if (v !== undefined && !map.has(p.name)) map.set(p.name, v);
      }
    knownIds.set(doc, map);
  }
  return map;
}

export function exampleRequest(doc: JsonObject, op: Operation, idempotencyKey: string): ExampleRequest {
  let path = op.path;
  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    const fallback = p.schema.type === 'integer' ? 0 : undefined;
    const v = pathParameterExample(op, p) ?? pathExamplesOf(doc).get(p.name) ?? fallback;
    path = path.replace(`{${p.name}}`, v === undefined ? `{${p.name}}` : encodeURIComponent(String(v)));
  }
  const query: [string, string][] = [];
  for (const p of op.parameters.filter((x) => x.in === 'query')) {
    if (p.required || p.component === 'Limit') {
      const v = exampleValue(p);
      if (v !== undefined && v !== null) query.push([p.name, String(v)]);
    }
  }
  const headers: [string, string][] = [];
  if (isWrite(op.method) && op.parameters.some((p) => p.component === 'IdempotencyKey')) headers.push(['Idempotency-Key', idempotencyKey]);
  const body = op.requestBody?.content[0];
  return {
    path,
    query,
    headers,
    body: body?.examples[0]?.value,
    bodyMediaType: body?.mediaType,
  };
}

/** The error codes each error status can carry, read from the examples of its responses. */
export function errorCodesOf(_doc: JsonObject, responses: Response[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of responses) {
    const codes = new Set<string>();
    for (const c of r.content)
      for (const ex of c.examples) {
        const code = isObject(ex.value) && isObject(ex.value.error) ? ex.value.error.code : undefined;
        if (typeof code === 'string') codes.add(code);
      }
    out.set(r.status, [...codes]);
  }
  return out;
}
