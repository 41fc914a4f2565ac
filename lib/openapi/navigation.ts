/**
 * Sidebar order for the reference: tags in the order of `x-tagGroups` (account and clients first, as a
 * developer meets them), operations inside a tag as list, create, retrieve, update, delete, then the rest.
 */
import type { JsonObject } from './bundle';
import { listOperations, tagSlug } from './operations';

const ACTION_RANK = ['list', 'create', 'show', 'update', 'delete'];

export interface MetaFile {
  type: 'meta';
  path: string;
  data: { title: string; pages: string[]; defaultOpen?: boolean };
}

export function referenceMeta(doc: JsonObject, baseDir = 'api-reference'): MetaFile[] {
  const groups = (doc['x-tagGroups'] ?? []) as { name: string; tags: string[] }[];
  const tags = groups.flatMap((g) => g.tags);
  const ops = listOperations(doc);
  const files: MetaFile[] = [{ type: 'meta', path: `${baseDir}/meta.json`, data: { title: 'API reference', pages: tags.map(tagSlug) } }];
  for (const tag of tags) {
    const mine = ops.filter((o) => o.tag === tag);
    const rank = (id: string) => {
      const action = id.split('.').pop() ?? '';
      const depth = id.split('.').length;
      const i = ACTION_RANK.indexOf(action);
      return (i === -1 ? ACTION_RANK.length : i) + (depth > 4 ? ACTION_RANK.length + 1 : 0);
    };
    const pages = mine
      .map((o, i) => ({ id: o.operationId, i }))
      .sort((a, b) => rank(a.id) - rank(b.id) || a.i - b.i)
      .map((o) => o.id);
    files.push({ type: 'meta', path: `${baseDir}/${tagSlug(tag)}/meta.json`, data: { title: tag, pages, defaultOpen: false } });
  }
  return files;
}
