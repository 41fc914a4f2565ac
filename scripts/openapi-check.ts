/**
 * `npm run openapi:check [-- --only tags/invoices.yaml] [--allow-todo]`: bundles the fragments and
 * reports dangling refs, TODOs, undocumented operations and invalid examples, by fragment.
 */
import { join } from 'node:path';
import { bundleFragments, readFragments } from '../lib/openapi/bundle';
import { checkDocument, type Issue } from '../lib/openapi/check';
import { escapePointer, isObject } from '../lib/openapi/walk';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]?.replace(/^openapi\//, '') : undefined;
const allowTodo = args.includes('--allow-todo');
const fragments = readFragments(join(process.cwd(), 'openapi'));
const doc = bundleFragments(fragments);

/** Pointer prefixes owned by each fragment, to attribute issues to files. */
const owned: [string, string][] = [];
for (const f of fragments) {
  for (const root of ['paths', 'webhooks'])
    if (isObject(f.doc[root])) for (const k of Object.keys(f.doc[root])) owned.push([`#/${root}/${escapePointer(k)}`, f.file]);
  if (isObject(f.doc.components))
    for (const [kind, map] of Object.entries(f.doc.components))
      if (isObject(map)) for (const k of Object.keys(map)) owned.push([`#/components/${kind}/${escapePointer(k)}`, f.file]);
  for (const k of Object.keys(f.doc)) if (!['paths', 'webhooks', 'components', 'tags'].includes(k)) owned.push([`#/${k}`, f.file]);
}
/** Tags are concatenated and reordered by the bundler, so they are attributed by name. */
const tagFile = new Map<string, string>();
for (const f of fragments) for (const t of (f.doc.tags ?? []) as { name: string }[]) tagFile.set(t.name, f.file);
const tagNames = ((doc.tags ?? []) as { name: string }[]).map((t) => t.name);
const fileOf = (p: string) => {
  const tag = /^#\/tags\/(\d+)/.exec(p);
  if (tag) return tagFile.get(tagNames[Number(tag[1])]) ?? 'document.yaml';
  return owned.find(([prefix]) => p === prefix || p.startsWith(prefix + '/'))?.[1] ?? 'document.yaml';
};

const issues = checkDocument(doc).filter((i) => !only || fileOf(i.pointer) === only);
const byFile = new Map<string, Issue[]>();
for (const i of issues) byFile.set(fileOf(i.pointer), [...(byFile.get(fileOf(i.pointer)) ?? []), i]);
let failing = 0;
for (const [file, list] of [...byFile].sort()) {
  const counts = list.reduce<Record<string, number>>((a, i) => ((a[i.kind] = (a[i.kind] ?? 0) + 1), a), {});
  console.log(
    `\n${file}: ${Object.entries(counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}`,
  );
  for (const i of list.slice(0, only ? 400 : 15)) console.log(`  [${i.kind}] ${i.pointer}: ${i.message}`);
  if (list.length > (only ? 400 : 15)) console.log(`  … ${list.length - (only ? 400 : 15)} more`);
  failing += list.filter((i) => !(allowTodo && (i.kind === 'todo' || i.kind === 'operation'))).length;
}
const ops = Object.values((doc.paths ?? {}) as Record<string, object>).reduce((n, item) => n + Object.keys(item).length, 0);
console.log(`\n${only ?? 'openapi/'}: ${issues.length} issue(s); document has ${ops} operations`);
process.exit(failing ? 1 : 0);
