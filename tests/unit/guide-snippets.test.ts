/**
 * The guides' runnable snippets, checked without a server: every SDK method and every cURL path they use
 * exists in the OpenAPI document, they read the key and base URL from the environment, and each page's
 * script parses in its language. tests/e2e/guide-snippets.test.ts runs them against the sandbox.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allSnippets, runnableScripts } from '@/lib/guides/snippets';
import { openapiDocument } from '@/lib/openapi/document';
import { listOperations } from '@/lib/openapi/operations';
import { phpMethodName, sdkMethodPath } from '@/lib/openapi/samples';
import { startMockApi } from '../guides/mock-api';
import { hasCommand, prepare, runScriptAsync } from '../guides/runner';

const snippets = allSnippets();
const runnable = snippets.filter((s) => s.kind === 'runnable');
const ops = listOperations(openapiDocument());
const tsMethods = new Set(ops.map((o) => sdkMethodPath(o.operationId)));
const phpMethods = new Map(
  ops.map((o) => [
    phpMethodName(o.operationId),
    o.operationId
      .replace(/^public-api\.v1\./, '')
      .split('.')[0]
      .replace(/[_-]+([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
  ]),
);

/** `/invoices/$INVOICE_ID/mark-paid` matches `/invoices/{invoice}/mark-paid`. */
function matchPath(path: string, method: string) {
  const clean = path.replace(/\?.*$/, '');
  return ops.find((o) => o.method === method && new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(clean));
}

describe('runnable snippets', () => {
  it('exist, in TypeScript, PHP, cURL and Python', () => {
    expect(runnable.length).toBeGreaterThan(20);
    expect(new Set(runnable.map((s) => s.lang))).toEqual(new Set(['ts', 'php', 'bash', 'python']));
  });

  it('read the key and the base URL from the environment, never inline', () => {
    for (const script of runnableScripts(snippets)) {
      const where = `${script.file} (${script.lang})`;
      expect(script.code, where).not.toMatch(/fact_(test|live)_[A-Za-z0-9]{24}/);
      expect(script.code, where).toMatch(/FACTUAREA_API_KEY/);
      expect(script.code, where).toMatch(/FACTUAREA_API_URL/);
    }
  });

  it('call only SDK methods the naming contract derives from the document', () => {
    const problems: string[] = [];
    for (const s of runnable.filter((x) => x.lang === 'ts'))
      for (const m of s.code.matchAll(/\bfactuarea\.([a-zA-Z.]+)\(/g))
        if (!tsMethods.has(m[1]) && m[1] !== 'webhooks.verify') problems.push(`${s.file}:${s.line} factuarea.${m[1]}()`);
    for (const s of runnable.filter((x) => x.lang === 'php'))
      for (const m of s.code.matchAll(/\$factuarea->(\w+)->(\w+)\(/g))
        if (phpMethods.get(m[2]) !== m[1]) problems.push(`${s.file}:${s.line} $factuarea->${m[1]}->${m[2]}()`);
    expect(problems).toEqual([]);
  });

  it('send cURL requests only to paths and methods of the document', () => {
    const problems: string[] = [];
    let count = 0;
    for (const s of runnable.filter((x) => x.lang === 'bash')) {
      const commands = s.code.replace(/\\\n\s*/g, ' ').split(/\n|\$\(/);
      for (const c of commands.filter((x) => /\bcurl\b/.test(x))) {
        const url = /"\$API(\/[^"\s]*)"/.exec(c)?.[1];
        if (!url) {
          problems.push(`${s.file}:${s.line} curl without "$API/...": ${c.trim()}`);
          continue;
        }
        const method = (/-X (\w+)/.exec(c)?.[1] ?? (/\s(-d|--data)\s/.test(c) ? 'POST' : 'GET')).toLowerCase();
        count++;
        if (!matchPath(url.replace(/\$\{?\w+\}?/g, 'x'), method)) problems.push(`${s.file}:${s.line} ${method.toUpperCase()} ${url}`);
      }
    }
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThan(5);
  });

  it('parse in their language (bash -n, esbuild, php -l, python ast)', async () => {
    const { transformSync } = await import('esbuild');
    const dir = mkdtempSync(join(tmpdir(), 'snippet-syntax-'));
    for (const script of runnableScripts(snippets)) {
      const where = `${script.file} (${script.lang})`;
      const code = prepare(script.lang, script.code);
      if (script.lang === 'ts') expect(() => transformSync(code, { loader: 'ts', format: 'esm' }), where).not.toThrow();
      if (script.lang === 'bash') {
        const res = spawnSync('bash', ['-n'], { input: code, encoding: 'utf8' });
        expect(res.status, `${where}: ${res.stderr}`).toBe(0);
      }
      if (script.lang === 'python') {
        const res = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: code, encoding: 'utf8' });
        expect(res.status, `${where}: ${res.stderr}`).toBe(0);
      }
      if (script.lang === 'php' && hasCommand('php')) {
        const file = join(dir, 'snippet.php');
        writeFileSync(file, code);
        const res = spawnSync('php', ['-l', file], { encoding: 'utf8' });
        expect(res.status, `${where}: ${res.stdout}`).toBe(0);
      }
    }
  });
});

describe('runnable snippets against a stand-in of the API built from the document', () => {
  const scripts = runnableScripts(snippets);
  for (const script of scripts) {
    const available = (script.lang !== 'php' || hasCommand('php')) && (script.lang !== 'bash' || hasCommand('jq'));
    it.runIf(available)(`${script.file} (${script.lang}) sends only requests the document accepts`, async () => {
      const api = await startMockApi(openapiDocument());
      try {
        const res = await runScriptAsync(script.lang, script.code, {
          FACTUAREA_API_URL: api.url,
          FACTUAREA_API_KEY: 'fact_test_51HbRxExampleKey0000000A',
        });
        expect(res.status, `${res.stderr}\n${res.stdout}`).toBe(0);
        expect(api.problems).toEqual([]);
        expect(api.calls.length).toBeGreaterThan(0);
      } finally {
        await api.close();
      }
    });
  }
});
