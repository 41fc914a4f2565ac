/**
 * The error catalogue (`x-error-codes`) is the one list of codes: every code the sandbox can answer with is
 * in it, every code an operation's description names after a status is in it, and every entry has a known
 * type (`x-error-types`), a cause and a fix. (Statuses follow the facts, which put a few codes outside their
 * type's usual status: `too_many_auth_failures` is a 429 `authentication_error`.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isObject } from '@/lib/openapi/walk';
import { describedCodes } from '@/lib/sandbox/errors';
import { sandboxSpec } from '@/lib/sandbox/spec';

const spec = sandboxSpec();
const CODE = /^[a-z]+(?:_[a-z0-9]+)+$/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The string literals in the first argument of each `new ApiError(...)`, and those assigned to a `code`. */
function codesRaised(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/new ApiError\(\s*([^,]+),/g)) for (const l of m[1].matchAll(/'([^']+)'/g)) found.push(l[1]);
  for (const m of source.matchAll(/\bcode\s*=\s*([^;]+);/g)) for (const l of m[1].matchAll(/'([^']+)'/g)) found.push(l[1]);
  return found.filter((c) => CODE.test(c));
}

describe('the error catalogue', () => {
  it('lists every code the sandbox raises', () => {
    const raised = new Set(sources('lib/sandbox').flatMap((f) => codesRaised(readFileSync(f, 'utf8'))));
    expect(raised.size).toBeGreaterThan(25);
    expect([...raised].filter((c) => !spec.errorCodes[c])).toEqual([]);
  });

  it('lists every code an operation names next to a status', () => {
    const missing: string[] = [];
    for (const op of spec.operations)
      for (const d of describedCodes(op.description))
        if (!spec.errorCodes[d.code]) missing.push(`${op.operationId}: ${d.status} ${d.code}`);
    expect(missing).toEqual([]);
  });

  it('gives each code a known type, a status, a cause and a fix', () => {
    const types = isObject(spec.doc['x-error-types']) ? spec.doc['x-error-types'] : {};
    const codes = isObject(spec.doc['x-error-codes']) ? spec.doc['x-error-codes'] : {};
    const wrong: string[] = [];
    for (const [code, entry] of Object.entries(codes)) {
      const e = isObject(entry) ? entry : {};
      if (!isObject(types[String(e.type)])) wrong.push(`${code}: unknown type ${String(e.type)}`);
      if (!Number.isInteger(e.status)) wrong.push(`${code}: no status`);
      if (typeof e.cause !== 'string' || typeof e.fix !== 'string') wrong.push(`${code}: cause or fix missing`);
    }
    expect(wrong).toEqual([]);
  });
});
