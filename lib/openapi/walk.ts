/** Small helpers to walk and resolve a JSON document by JSON Pointer. */
import type { Json, JsonObject } from './bundle';

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');
export const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Resolves a local `$ref` like `#/components/schemas/Invoice`; undefined when it dangles. */
export function resolvePointer(doc: Json, ref: string): Json | undefined {
  if (!ref.startsWith('#')) return undefined;
  let cur: Json | undefined = doc;
  for (const part of ref.slice(1).split('/').filter(Boolean).map(unescape)) {
    if (Array.isArray(cur)) cur = cur[Number(part)];
    else if (isObject(cur)) cur = cur[part];
    else return undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** Follows `$ref` chains until a non-reference object. */
export function deref<T extends Json>(doc: Json, node: T): T {
  let cur: Json = node;
  for (let i = 0; i < 20 && isObject(cur) && typeof cur.$ref === 'string'; i++) {
    const next = resolvePointer(doc, cur.$ref);
    if (next === undefined) return cur as T;
    cur = next;
  }
  return cur as T;
}

/** Calls `visit` on every object node with its JSON Pointer. */
export function walk(node: Json, visit: (n: JsonObject, pointer: string) => void, pointer = '#') {
  if (Array.isArray(node)) node.forEach((v, i) => walk(v, visit, `${pointer}/${i}`));
  else if (isObject(node)) {
    visit(node, pointer);
    for (const [k, v] of Object.entries(node)) walk(v, visit, `${pointer}/${escapePointer(k)}`);
  }
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
