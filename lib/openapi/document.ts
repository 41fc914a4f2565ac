/** The bundled OpenAPI document, built by `npm run openapi:bundle` into openapi/dist/openapi.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from './bundle';

let cached: JsonObject | undefined;

export function openapiDocument(): JsonObject {
  // OPENAPI_DOCUMENT lets the bench build the site against a synthetic document.
  cached ??= JSON.parse(readFileSync(process.env.OPENAPI_DOCUMENT ?? join(process.cwd(), 'openapi', 'dist', 'openapi.json'), 'utf8')) as JsonObject;
  return cached;
}
