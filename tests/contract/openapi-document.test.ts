/**
 * The bundled document is the contract: valid OpenAPI 3.1, every operation of the real API present and
 * documented, every example valid against its schema, no dangling `$ref`, no prose copied from the reference.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleOpenAPI, type JsonObject } from '@/lib/openapi/bundle';
import { findDanglingRefs, findInvalidExamples, findOperationIssues, findTodos } from '@/lib/openapi/check';
import { copiedProse, referenceRuns } from '@/lib/openapi/originality';
import { HTTP_METHODS } from '@/lib/openapi/walk';

let doc: JsonObject;
beforeAll(() => {
  doc = bundleOpenAPI(join(process.cwd(), 'openapi'));
});

const operations = (d: JsonObject) =>
  Object.entries(d.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(([path, item]) =>
    HTTP_METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, operationId: item[m].operationId })),
  );

describe('the bundled OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(validator.version).toBe('3.1');
  });

  it('has no dangling $ref', () => {
    expect(findDanglingRefs(doc)).toEqual([]);
  });

  it('has no unwritten prose', () => {
    expect(findTodos(doc).map((i) => i.pointer)).toEqual([]);
  });

  it('documents every operation: summary, description, scope, an error response, examples', () => {
    expect(findOperationIssues(doc).map((i) => `${i.pointer}: ${i.message}`)).toEqual([]);
  });

  it('has only examples that validate against their schemas', () => {
    expect(findInvalidExamples(doc).map((i) => `${i.pointer}: ${i.message}`)).toEqual([]);
  });

  it('documents the webhook events', () => {
    const webhooks = (doc.webhooks ?? {}) as Record<string, unknown>;
    expect(Object.keys(webhooks).length).toBeGreaterThan(50);
  });

  const refDir = join(process.cwd(), '..', 'shared', 'reference');
  const refFile = join(refDir, 'factuarea-openapi-2026-06-23.json');

  it.runIf(existsSync(refFile))('has exactly the operations of the real API (method, path, operationId, scope)', () => {
    const ref = JSON.parse(readFileSync(refFile, 'utf8')) as JsonObject;
    const key = (o: { method: string; path: string; operationId?: string }) => `${o.method.toUpperCase()} ${o.path} ${o.operationId}`;
    expect(operations(doc).map(key).sort()).toEqual(operations(ref).map(key).sort());
    const scopes = (d: JsonObject) =>
      operations(d).map(({ path, method }) => {
        const o = (d.paths as Record<string, Record<string, Record<string, unknown>>>)[path][method];
        return `${method} ${path} ${o['x-required-scope']} ${o['x-irreversible'] === true}`;
      });
    expect(scopes(doc).sort()).toEqual(scopes(ref).sort());
  });

  it.runIf(existsSync(refDir))('copies no description from the reference documents', () => {
    const set = new Set<string>();
    for (const f of readdirSync(refDir).filter((n) => n.endsWith('.json')))
      for (const r of referenceRuns(JSON.parse(readFileSync(join(refDir, f), 'utf8')))) set.add(r);
    expect(copiedProse(doc, set).map((h) => `${h.pointer}: "${h.run}"`)).toEqual([]);
  });
});
