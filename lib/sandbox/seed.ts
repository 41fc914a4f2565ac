/**
 * The example company every new sandbox company starts with, read from the document's response examples
 * (the dataset of openapi/DATASET.md): for each stateful kind, the objects its retrieve, list and other
 * collection reads show, each id once, the retrieve example first. Also an index of every object any
 * example shows, which the example-backed operations use to answer for a known id.
 */
import type { Json, JsonObject } from '../openapi/bundle';
import { isObject } from '../openapi/walk';
import { kinds } from './kinds';
import type { SandboxSpec } from './spec';

export interface SeedObject {
  kind: string;
  id: string;
  data: JsonObject;
  createdAt: string;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The creation time a UUID v7 carries in its first 48 bits. */
export function uuidV7Time(id: string): string | undefined {
  if (!UUID_RE.test(id) || id[14] !== '7') return undefined;
  const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
  return new Date(ms).toISOString();
}

export function createdAtOf(data: JsonObject): string {
  if (typeof data.created_at === 'string' && !Number.isNaN(Date.parse(data.created_at))) return new Date(data.created_at).toISOString();
  if (typeof data.created === 'number') return new Date(data.created * 1000).toISOString();
  return uuidV7Time(String(data.id)) ?? '2026-01-01T00:00:00.000Z';
}

function successExamples(op: { responses: { status: string; content: { mediaType: string; examples: { value: Json }[] }[] }[] }): Json[] {
  return op.responses
    .filter((r) => r.status.startsWith('2'))
    .flatMap((r) => r.content.filter((c) => c.mediaType.includes('json')).flatMap((c) => c.examples.map((e) => e.value)));
}

const seedCache = new WeakMap<SandboxSpec, SeedObject[]>();

export function seedObjects(spec: SandboxSpec): SeedObject[] {
  const cached = seedCache.get(spec);
  if (cached) return cached;
  const out: SeedObject[] = [];
  for (const info of kinds(spec).values()) {
    const seen = new Set<string>();
    for (const op of [info.showOp, info.listOp, ...info.arrayOps]) {
      if (!op) continue;
      for (const value of successExamples(op)) {
        const data = isObject(value) ? value.data : undefined;
        for (const item of Array.isArray(data) ? data : [data]) {
          if (!isObject(item) || item.object !== info.objectType || typeof item.id !== 'string' || seen.has(item.id)) continue;
          seen.add(item.id);
          out.push({ kind: info.kind, id: item.id, data: structuredClone(item), createdAt: createdAtOf(item) });
        }
      }
    }
  }
  seedCache.set(spec, out);
  return out;
}

const indexCache = new WeakMap<SandboxSpec, Map<string, JsonObject[]>>();

/** Every object with an `id` that any example of the document shows, by id. */
export function exampleObjects(spec: SandboxSpec): Map<string, JsonObject[]> {
  let index = indexCache.get(spec);
  if (index) return index;
  const map = new Map<string, JsonObject[]>();
  const visit = (v: Json) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v)) {
      if (typeof v.id === 'string') map.set(v.id, [...(map.get(v.id) ?? []), v]);
      for (const x of Object.values(v)) if (x && typeof x === 'object') visit(x);
    }
  };
  const examples = isObject(spec.doc.components) && isObject(spec.doc.components.examples) ? spec.doc.components.examples : {};
  for (const ex of Object.values(examples)) if (isObject(ex)) visit(ex.value);
  for (const op of spec.operations) for (const v of successExamples(op)) visit(v);
  index = map;
  indexCache.set(spec, index);
  return index;
}
