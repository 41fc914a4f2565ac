/**
 * Builds objects that match their schema in the document: `shape` keeps the candidate's properties the
 * schema knows, fills every missing required property with a neutral default read from its schema, and
 * replaces whatever still fails validation. Resources only set the values that mean something.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Json, JsonObject } from '../openapi/bundle';
import { isObject } from '../openapi/walk';
import type { SandboxSpec } from './spec';

const typesOf = (s: JsonObject): string[] => (Array.isArray(s.type) ? s.type.map(String) : typeof s.type === 'string' ? [s.type] : []);

function allowsNull(spec: SandboxSpec, s: JsonObject): boolean {
  if (typesOf(s).includes('null')) return true;
  const alt = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  return Array.isArray(alt) && alt.some((a) => isObject(a) && (a.type === 'null' || allowsNull(spec, spec.resolve(a))));
}

/** A neutral value valid for the schema: null when allowed, else the first enum value, an empty list, zero... */
export function defaultFor(spec: SandboxSpec, schema: Json | undefined, now = new Date()): Json {
  const s = spec.resolve(schema);
  if ('const' in s) return s.const;
  if ('default' in s && s.default !== undefined) return s.default;
  if (allowsNull(spec, s)) return null;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum.find((v) => v !== null) ?? null;
  const alt = (s.anyOf ?? s.oneOf ?? s.allOf) as Json[] | undefined;
  if (!typesOf(s).length && Array.isArray(alt) && alt.length) return defaultFor(spec, alt[0], now);
  const t = typesOf(s)[0] ?? (isObject(s.properties) ? 'object' : 'string');
  switch (t) {
    case 'array':
      return [];
    case 'object':
      return shape(spec, s, {}, now);
    case 'boolean':
      return false;
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : 0;
    default:
      switch (s.format) {
        case 'date':
          return now.toISOString().slice(0, 10);
        case 'date-time':
          return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
        case 'uuid':
          return uuidv7();
        case 'uri':
          return 'https://app.factuarea.com/';
        case 'email':
          return 'sandbox@example.com';
        default:
          return '';
      }
  }
}

/** The candidate reduced and completed to a valid instance of `schema` (an object schema). */
export function shape(spec: SandboxSpec, schema: Json | undefined, candidate: JsonObject, now = new Date()): JsonObject {
  const s = spec.resolve(schema);
  const props: JsonObject = isObject(s.properties) ? s.properties : {};
  const required = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
  const out: JsonObject = {};
  for (const [name, propSchema] of Object.entries(props)) {
    if (name in candidate && candidate[name] !== undefined) out[name] = candidate[name];
    else if (required.has(name)) out[name] = defaultFor(spec, propSchema, now);
  }
  if (!Object.keys(props).length) Object.assign(out, candidate);
  const validate = spec.validator(s);
  const valid = (v: JsonObject): boolean => validate(v) === true;
  for (let round = 0; round < 8 && !valid(out); round++) {
    const e = validate.errors![0];
    const top =
      e.instancePath.split('/')[1] ?? (e.keyword === 'required' ? String((e.params as { missingProperty?: string }).missingProperty) : '');
    if (!top || !(top in props)) break;
    if (required.has(top)) out[top] = defaultFor(spec, props[top], now);
    else delete out[top];
  }
  if (!valid(out)) throw new Error(`could not build a valid ${JSON.stringify(validate.errors?.[0])}`);
  return out;
}

/** Copies the fields of `patch` that are defined (an explicit null clears). */
export function merge(base: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) out[k] = v;
  return out;
}

export const isoNow = (now: Date) => now.toISOString().replace(/\.\d{3}Z$/, 'Z');
export const today = (now: Date) => now.toISOString().slice(0, 10);
