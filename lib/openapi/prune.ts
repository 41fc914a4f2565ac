/** A copy of the document holding one operation and only the components it references (for the playground). */
import type { Json, JsonObject } from './bundle';
import { HTTP_METHODS, isObject, resolvePointer } from './walk';

export function pruneDocument(doc: JsonObject, path: string, method: string): JsonObject {
  const item = (doc.paths as Record<string, JsonObject>)[path];
  const kept: JsonObject = {};
  for (const [k, v] of Object.entries(item)) if (!(HTTP_METHODS as readonly string[]).includes(k) || k === method) kept[k] = v;
  const components: Record<string, JsonObject> = {};
  const seen = new Set<string>();
  const walk = (n: Json) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!isObject(n)) return;
    if (typeof n.$ref === 'string' && n.$ref.startsWith('#/components/') && !seen.has(n.$ref)) {
      seen.add(n.$ref);
      const [, , kind, name] = n.$ref.split('/');
      const target = resolvePointer(doc, n.$ref);
      if (target !== undefined) {
        (components[kind] ??= {})[name] = target;
        walk(target);
      }
    }
    for (const v of Object.values(n)) walk(v);
  };
  walk(kept);
  components.securitySchemes = ((doc.components as JsonObject | undefined)?.securitySchemes ?? {}) as JsonObject;
  const { webhooks: _w, 'x-error-codes': _c, 'x-error-types': _t, ...rest } = doc;
  return { ...rest, paths: { [path]: kept }, components } as JsonObject;
}
