/**
 * Validates a request against its operation in the document before any handler runs: unknown, missing and
 * malformed query and path parameters (400), headers, and the body against its schema (422, with `param`
 * naming the field as `lines[0].quantity`). Returns the typed values the handlers read.
 */
import type { ErrorObject } from 'ajv';
import type { Json, JsonObject } from '../openapi/bundle';
import type { Operation, Parameter } from '../openapi/operations';
import { isObject } from '../openapi/walk';
import { ApiError } from './errors';
import type { SandboxSpec } from './spec';

export type BodyInput =
  { kind: 'none' } | { kind: 'json'; value: Json } | { kind: 'form'; value: JsonObject } | { kind: 'invalid'; reason: string };

export interface ValidRequest {
  path: Record<string, string>;
  query: Record<string, Json>;
  body: JsonObject;
  hasBody: boolean;
}

const RANGE_KEYWORDS = new Set([
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
]);
/** Headers the pipeline checks itself, before validation (versioning) or around it (idempotency). */
const OWN_HEADERS = new Set(['factuarea-version']);

function types(spec: SandboxSpec, schema: JsonObject): string[] {
  const s = spec.resolve(schema);
  if (Array.isArray(s.type)) return s.type.map(String);
  if (typeof s.type === 'string') return [s.type];
  const alt = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  return Array.isArray(alt) ? alt.flatMap((a) => (isObject(a) ? types(spec, a) : [])) : [];
}

/** A query string value typed as its schema says, or the raw string when it does not parse (ajv then rejects it). */
function coerce(spec: SandboxSpec, p: Parameter, raw: string): Json {
  const t = types(spec, p.schema);
  if (t.includes('null') && raw === 'null') return null;
  if (t.includes('integer') && /^-?\d+$/.test(raw)) return Number(raw);
  if (t.includes('number') && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (t.includes('boolean') && (raw === 'true' || raw === 'false')) return raw === 'true';
  if (t.includes('boolean') && (raw === '1' || raw === '0')) return raw === '1';
  return raw;
}

function checkParameter(spec: SandboxSpec, p: Parameter, value: Json, location: 'query' | 'path' | 'header') {
  const validate = spec.validator(p.schema);
  if (validate(value)) return;
  const e = validate.errors?.[0];
  const what = e ? e.message : 'is not valid';
  if (location === 'header') throw new ApiError('invalid_param_format', `The ${p.name} header ${what}.`, p.name);
  const code = e && RANGE_KEYWORDS.has(e.keyword) ? 'parameter_invalid_range' : 'parameter_invalid_format';
  throw new ApiError(code, `The ${location} parameter ${p.name} ${what}.`, p.name);
}

/** `/lines/0/quantity` → `lines[0].quantity`. */
export function paramPath(pointer: string, extra?: string): string {
  const parts = pointer.split('/').filter(Boolean);
  if (extra) parts.push(extra);
  return parts.reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

function bodyError(spec: SandboxSpec, e: ErrorObject): ApiError {
  const missing = e.keyword === 'required' ? String((e.params as { missingProperty?: string }).missingProperty) : undefined;
  const extra = e.keyword === 'additionalProperties' ? String((e.params as { additionalProperty?: string }).additionalProperty) : undefined;
  const param = paramPath(e.instancePath, missing ?? extra);
  const message = missing
    ? `The field ${param} is required.`
    : `The field ${param || 'body'} ${e.message}${e.keyword === 'enum' ? `: ${((e.params as { allowedValues?: Json[] }).allowedValues ?? []).join(', ')}` : ''}.`;
  // A field with a code of its own in the catalogue (`invalid_customer_visible_label`) answers with it.
  const field = param.split(/[.[]/).pop() ?? '';
  const own = !missing && spec.errorCodes[`invalid_${field}`] ? `invalid_${field}` : undefined;
  return new ApiError(own ?? 'parameter_invalid', message, param || null);
}

export function validateRequest(
  spec: SandboxSpec,
  op: Operation,
  pathParams: Record<string, string>,
  search: URLSearchParams,
  headers: Headers,
  body: BodyInput,
): ValidRequest {
  const byLocation = (loc: Parameter['in']) => op.parameters.filter((p) => p.in === loc);

  const path: Record<string, string> = {};
  for (const p of byLocation('path')) {
    const raw = pathParams[p.name];
    checkParameter(spec, p, coerce(spec, p, raw), 'path');
    path[p.name] = raw;
  }

  const known = new Map(byLocation('query').map((p) => [p.name, p]));
  const query: Record<string, Json> = {};
  for (const name of new Set(search.keys())) {
    const p = known.get(name);
    if (!p) throw new ApiError('parameter_unknown', `This operation does not take the query parameter ${name}.`, name);
    const value = coerce(spec, p, search.getAll(name).at(-1) ?? '');
    checkParameter(spec, p, value, 'query');
    query[name] = value;
  }
  for (const p of known.values())
    if (p.required && !(p.name in query)) throw new ApiError('parameter_missing', `The query parameter ${p.name} is required.`, p.name);

  for (const p of byLocation('header')) {
    if (OWN_HEADERS.has(p.name.toLowerCase())) continue;
    const raw = headers.get(p.name);
    if (raw === null) {
      if (p.required) throw new ApiError('invalid_param_format', `The ${p.name} header is required.`, p.name);
      continue;
    }
    checkParameter(spec, p, raw, 'header');
  }

  const media = op.requestBody?.content.find((c) => c.mediaType.includes('json')) ?? op.requestBody?.content[0];
  if (!op.requestBody || !media) return { path, query, body: {}, hasBody: false };
  if (body.kind === 'invalid') throw new ApiError('parameter_invalid_format', `The request body ${body.reason}.`);
  const value: Json = body.kind === 'none' ? {} : body.value;
  if (body.kind === 'none' && !op.requestBody.required) return { path, query, body: {}, hasBody: false };
  const validate = spec.validator(media.schema);
  if (!validate(value)) throw bodyError(spec, validate.errors![0]);
  if (!isObject(value)) throw new ApiError('parameter_invalid', 'The request body must be a JSON object.');
  return { path, query, body: value, hasBody: body.kind !== 'none' };
}
