/** Looks operations up by their reference URL: /api-reference/<tag-slug>/<operationId>. */
import type { JsonObject } from './bundle';
import { listOperations, type Operation } from './operations';

const cache = new WeakMap<JsonObject, Map<string, Operation>>();

export function operationsByUrl(doc: JsonObject): Map<string, Operation> {
  let map = cache.get(doc);
  if (!map) {
    map = new Map(listOperations(doc).map((o) => [`${o.tagSlug}/${o.operationId}`, o]));
    cache.set(doc, map);
  }
  return map;
}

export const referenceUrl = (op: Pick<Operation, 'tagSlug' | 'operationId'>) => `/api-reference/${op.tagSlug}/${op.operationId}`;

export function findOperation(doc: JsonObject, slug: string[]): Operation | undefined {
  return slug.length === 2 ? operationsByUrl(doc).get(`${slug[0]}/${slug[1]}`) : undefined;
}
