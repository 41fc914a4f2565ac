/** Writes openapi/dist/openapi.json from the YAML fragments (run before build, dev and tests). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleOpenAPI } from '../lib/openapi/bundle';

const dir = join(process.cwd(), 'openapi');
const doc = bundleOpenAPI(dir);
mkdirSync(join(dir, 'dist'), { recursive: true });
writeFileSync(join(dir, 'dist', 'openapi.json'), JSON.stringify(doc));
const ops = Object.values((doc.paths ?? {}) as Record<string, Record<string, unknown>>).reduce(
  (n, item) => n + Object.keys(item).filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k)).length,
  0,
);
console.log(`openapi/dist/openapi.json: ${ops} operations`);
