/** The bundled OpenAPI document, built by `npm run openapi:bundle` into openapi/dist/openapi.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from './bundle';

let cached: JsonObject | undefined;

export function openapiDocument(): JsonObject {
  // OPENAPI_DOCUMENT lets the bench build the site against a synthetic document. The path is chosen at run
  // time, so the build's file tracer is told to ignore it (else it traces the whole project, bench builds
  // included: twice the build's memory); next.config.mjs lists the document among the traced files instead.
  const file = process.env.OPENAPI_DOCUMENT ?? join(process.cwd(), 'openapi', 'dist', 'openapi.json');
  cached ??= JSON.parse(readFileSync(/* turbopackIgnore: true */ file, 'utf8')) as JsonObject;
  return cached;
}
