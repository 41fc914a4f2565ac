/**
 * Reading JSON Schemas for display: a type label ("string | null", "array of Invoice"), and the
 * properties of an object with `allOf` merged, `$ref`s followed and cycles cut.
 */
import type { Json, JsonObject } from './bundle';
import { isObject, resolvePointer } from './walk';

export interface FlatProperty {
  name: string;
  required: boolean;
  schema: JsonObject;
  anchor?: string;
}

const refName = (s: Json) => (isObject(s) && typeof s.$ref === 'string' ? s.$ref.split('/').pop() : undefined);

export function resolve(doc: JsonObject, schema: Json): { schema: JsonObject; name?: string } {
  let cur: Json = schema;
  let name: string | undefined;
  for (let i = 0; i < 10 && isObject(cur) && typeof cur.$ref === 'string'; i++) {
    name = refName(cur);
    const { $ref, ...siblings } = cur;
    const target = resolvePointer(doc, $ref as string);
    cur = isObject(target) ? { ...target, ...siblings } : {};
  }
  return { schema: (isObject(cur) ? cur : {}) as JsonObject, name };
}

export function describeType(doc: JsonObject, schema: Json): { label: string; description?: Json; enum?: Json[]; isArray: boolean; resolved: JsonObject } {
  const { schema: s, name } = resolve(doc, schema);
  const types = Array.isArray(s.type) ? (s.type as string[]) : s.type ? [String(s.type)] : [];
  const nullable = types.includes('null');
  const base = types.filter((t) => t !== 'null');
  let label: string;
  let isArray = false;
  if (base.includes('array') || (isObject(s.items) && !base.length)) {
    isArray = true;
    const item = resolve(doc, s.items ?? {});
    const itemTypes = Array.isArray(item.schema.type) ? item.schema.type.join(' | ') : (item.schema.type as string | undefined);
    label = `array of ${item.name ?? itemTypes ?? 'values'}`;
  } else if (s.const !== undefined) label = `${base[0] ?? typeof s.const} = ${JSON.stringify(s.const)}`;
  else if (base.length) label = base.join(' | ') + (s.format ? ` (${s.format})` : '');
  else if (s.oneOf || s.anyOf) label = 'one of several shapes';
  else if (s.allOf || s.properties) label = name ?? 'object';
  else label = name ?? 'any';
  if (name && !label.includes(name) && (base.includes('object') || s.properties)) label = name;
  if (nullable) label += ' | null';
  const en = Array.isArray(s.enum) ? (s.enum as Json[]).filter((v) => v !== null) : undefined;
  return { label, description: s.description, enum: en?.length ? en : undefined, isArray, resolved: s };
}

/** The properties to list under a schema: an object's own (with allOf merged), or the items' of an array. */
export function flattenSchema(
  doc: JsonObject,
  schema: Json,
  seen: string[],
  idPrefix?: string,
): { properties: FlatProperty[]; variants: { title: string; schema: JsonObject }[]; seen: string[]; name?: string } {
  let { schema: s, name } = resolve(doc, schema);
  const isArrayType = s.type === 'array' || (Array.isArray(s.type) && s.type.includes('array'));
  if (isArrayType && s.items) ({ schema: s, name } = resolve(doc, s.items));
  if (name && seen.includes(name)) return { properties: [], variants: [], seen, name };
  const nextSeen = name ? [...seen, name] : seen;
  const props = new Map<string, FlatProperty>();
  const required = new Set<string>();
  const collect = (node: Json, depth = 0) => {
    const r = resolve(doc, node).schema;
    if (Array.isArray(r.required)) for (const k of r.required) required.add(String(k));
    if (isObject(r.properties))
      for (const [k, v] of Object.entries(r.properties))
        props.set(k, { name: k, required: false, schema: (isObject(v) ? v : {}) as JsonObject, anchor: idPrefix ? `${idPrefix}-${k}` : undefined });
    if (Array.isArray(r.allOf) && depth < 5) for (const part of r.allOf) collect(part, depth + 1);
  };
  collect(s);
  for (const p of props.values()) p.required = required.has(p.name);
  const variants = ((s.oneOf ?? s.anyOf) as Json[] | undefined)?.map((v, i) => {
    const r = resolve(doc, v);
    return { title: r.name ?? (typeof r.schema.title === 'string' ? r.schema.title : `variant ${i + 1}`), schema: r.schema };
  });
  return { properties: [...props.values()], variants: variants && variants.length > 1 ? variants : [], seen: nextSeen, name };
}
