/**
 * Builds the one OpenAPI document from the YAML fragments in `openapi/`.
 * Fragments are deep-merged; a key defined by two fragments is an error, so every fact has one home.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Fragment {
  file: string;
  doc: JsonObject;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Lists the fragment files under `dir`, `document.yaml` first, then the others in path order. */
export function listFragments(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'dist') walk(p);
      } else if (name.endsWith('.yaml')) out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort((a, b) => (a === 'document.yaml' ? -1 : b === 'document.yaml' ? 1 : a.localeCompare(b)));
}

export function readFragments(dir: string): Fragment[] {
  return listFragments(dir).map((file) => {
    const doc = parse(readFileSync(join(dir, file), 'utf8'), { maxAliasCount: -1 }) as unknown;
    if (!isObject(doc)) throw new Error(`${file}: not a YAML mapping`);
    return { file, doc };
  });
}

/** Maps (like `paths`, `components.schemas`) whose entries are merged one level down; a repeated entry is an error. */
const MERGED = new Set(['paths', 'webhooks', 'components']);

function mergeInto(target: JsonObject, source: JsonObject, file: string, where: string[], owners: Map<string, string>) {
  for (const [key, value] of Object.entries(source)) {
    const path = [...where, key];
    const id = path.join(' > ');
    const mergeDeeper = where.length === 0 ? MERGED.has(key) : where[0] === 'components' && where.length === 1;
    if (mergeDeeper && isObject(value)) {
      if (!isObject(target[key] ?? {})) throw new Error(`${file}: ${id} clashes with another fragment`);
      target[key] = (target[key] as JsonObject | undefined) ?? {};
      mergeInto(target[key] as JsonObject, value, file, path, owners);
      continue;
    }
    if (key in target && !(where.length === 0 && key === 'tags')) {
      throw new Error(`${file}: ${id} is already defined in ${owners.get(id) ?? 'another fragment'}`);
    }
    owners.set(id, file);
    if (where.length === 0 && key === 'tags') {
      target.tags = [...((target.tags as Json[] | undefined) ?? []), ...((value as Json[]) ?? [])];
    } else target[key] = value;
  }
}

/** Tag order follows `x-tagGroups` in document.yaml; tags missing from the groups go last. */
function orderTags(doc: JsonObject) {
  const groups = (doc['x-tagGroups'] as { tags: string[] }[] | undefined) ?? [];
  const order = groups.flatMap((g) => g.tags);
  const tags = ((doc.tags as { name: string }[] | undefined) ?? []).slice();
  const rank = (n: string) => (order.includes(n) ? order.indexOf(n) : order.length);
  tags.sort((a, b) => rank(a.name) - rank(b.name));
  doc.tags = tags as unknown as Json;
}

export function bundleFragments(fragments: Fragment[]): JsonObject {
  const doc: JsonObject = {};
  const owners = new Map<string, string>();
  for (const f of fragments) mergeInto(doc, f.doc, f.file, [], owners);
  orderTags(doc);
  return doc;
}

export function bundleOpenAPI(dir: string): JsonObject {
  return bundleFragments(readFragments(dir));
}
