/**
 * A synthetic document with N operations, made by cloning the real document's tags under new names
 * ("Invoices 2", /invoices-2/...), so the bench can show how cost grows with the API.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export function syntheticDocument(source, target) {
  const doc = JSON.parse(readFileSync(source, 'utf8'));
  const methods = ['get', 'post', 'put', 'patch', 'delete'];
  const ops = Object.entries(doc.paths).flatMap(([path, item]) => methods.filter((m) => item[m]).map((m) => ({ path, m, op: item[m] })));
  const out = structuredClone(doc);
  const extraTags = [];
  let copy = 2;
  let count = ops.length;
  while (count < target) {
    for (const { path, m, op } of ops) {
      if (count >= target) break;
      const tag = `${op.tags[0]} ${copy}`;
      if (!extraTags.includes(tag)) extraTags.push(tag);
      const newPath = path.replace(/^\/([^/]+)/, `/$1-${copy}`);
      out.paths[newPath] ??= {};
      out.paths[newPath][m] = { ...structuredClone(op), operationId: `${op.operationId}.copy${copy}`, tags: [tag] };
      count++;
    }
    copy++;
  }
  out.tags = [...doc.tags, ...extraTags.map((name) => ({ name, description: `A synthetic copy for the scale test.` }))];
  out['x-tagGroups'] = [...doc['x-tagGroups'], { name: 'Synthetic', tags: extraTags }];
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [source, n, dest] = process.argv.slice(2);
  writeFileSync(dest, JSON.stringify(syntheticDocument(source, Number(n))));
}
