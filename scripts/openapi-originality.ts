/**
 * `npm run openapi:originality [-- --only tags/invoices.yaml]`: lists our descriptions that share a run
 * of words with the real API's published document (in ../shared/reference, beside the repository).
 * Skips with a notice when the reference is not present.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readFragments } from '../lib/openapi/bundle';
import { RUN, copiedProse, referenceRuns } from '../lib/openapi/originality';

const refDir = join(process.cwd(), '..', 'shared', 'reference');
if (!existsSync(refDir)) {
  console.log(`openapi:originality: no reference at ${refDir}; nothing to compare`);
  process.exit(0);
}
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]?.replace(/^openapi\//, '') : undefined;
const set = new Set<string>();
for (const f of readdirSync(refDir).filter((n) => n.endsWith('.json')))
  for (const r of referenceRuns(JSON.parse(readFileSync(join(refDir, f), 'utf8')))) set.add(r);
let total = 0;
for (const frag of readFragments(join(process.cwd(), 'openapi'))) {
  if (only && frag.file !== only) continue;
  const hits = copiedProse(frag.doc, set);
  total += hits.length;
  for (const h of hits) console.log(`${frag.file} ${h.pointer}\n    shares "${h.run}"`);
}
console.log(`openapi:originality: ${total} description(s) share a run of ${RUN} words with the reference`);
process.exit(total ? 1 : 0);
