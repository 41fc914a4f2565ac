/**
 * The method + path pairs of the OpenAPI document, compiled for lookup: a concrete path such as `/clients/abc`
 * matches the template `/clients/{client}`; literal segments win over parameters (`/clients/search`).
 */
import type { JsonObject } from '../openapi/bundle';
import { HTTP_METHODS, isObject } from '../openapi/walk';

interface Route {
  template: string;
  segments: (string | null)[];
  methods: Set<string>;
}

export interface RouteTable {
  /** The document's template for this method and path, or undefined when the document has no such operation. */
  match(method: string, path: string): string | undefined;
  /** Whether some operation has this path with another method. */
  hasPath(path: string): boolean;
}

const split = (path: string) => path.split('/').slice(1);

export function compileRoutes(doc: JsonObject): RouteTable {
  const routes: Route[] = Object.entries((doc.paths ?? {}) as Record<string, JsonObject>).map(([template, item]) => ({
    template,
    segments: split(template).map((s) => (/^\{[^}]+\}$/.test(s) ? null : s)),
    methods: new Set(HTTP_METHODS.filter((m) => isObject(item[m])).map((m) => m.toUpperCase())),
  }));
  // More literal segments first, so `/clients/search` is preferred to `/clients/{client}`.
  const literalCount = (r: Route) => r.segments.filter((s) => s !== null).length;
  routes.sort((a, b) => literalCount(b) - literalCount(a));

  const candidates = (path: string) => {
    const parts = split(path);
    return routes.filter(
      (r) => r.segments.length === parts.length && r.segments.every((s, i) => (s === null ? parts[i] !== '' : s === parts[i])),
    );
  };
  return {
    match(method, path) {
      const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
      return candidates(path).find((r) => r.methods.has(m))?.template;
    },
    hasPath: (path) => candidates(path).length > 0,
  };
}
