/**
 * "Every code sample works": for one operation per tag and for every operation a Quickstart step calls, the cURL
 * and fetch samples exactly as lib/openapi/samples.ts generates them for the reference page, pointed at this
 * site's sandbox (the page's "Sandbox (this site)" base URL), run for real — curl in a shell, fetch in an async
 * function — expecting the documented success status.
 *
 * Each sample runs with a test key of its own, minted here and put in place of the sample's placeholder key
 * (SAMPLE_KEY): a new key meets a new company seeded with the example story, as a developer who copies the
 * sample into a fresh sandbox would. So the create examples must describe objects the seed does not hold
 * (openapi/DATASET.md, "Objects the guides create"), and the cURL and fetch variants of a write never share
 * an Idempotency-Key on one company. SAMPLE_TESTS_BASE points the samples at another API base URL instead
 * (a staging API, or a stand-in to check this test itself).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { JsonObject } from '@/lib/openapi/bundle';
import { listOperations, type Operation } from '@/lib/openapi/operations';
import { referenceUrl } from '@/lib/openapi/reference';
import { generateSamples, PRODUCTION_BASE, SAMPLE_KEY } from '@/lib/openapi/samples';
import { compileRoutes } from '@/lib/proxy/routes';
import { newTestKey } from '@/lib/sandbox/auth';

const run = promisify(execFile);
const baseURL = inject('baseURL');
const doc = JSON.parse(readFileSync('openapi/dist/openapi.json', 'utf8')) as JsonObject;
const operations = listOperations(doc);
const byKey = new Map(operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o]));
const routes = compileRoutes(doc);

/** One operation per tag: its first list (GET without path parameters), else its first GET, else its first operation. */
function onePerTag(): Operation[] {
  const tags = [...new Set(operations.map((o) => o.tag))];
  return tags.map((tag) => {
    const ops = operations.filter((o) => o.tag === tag);
    return ops.find((o) => o.method === 'get' && !o.path.includes('{')) ?? ops.find((o) => o.method === 'get') ?? ops[0];
  });
}

/**
 * The operations the Quickstart steps call: every curl line of the landing page's quick start and of the
 * Quickstart guide (when the guides are in the tree), matched against the document.
 */
export function quickstartOperations(unmatched: string[] = []): Operation[] {
  const sources = ['app/page.tsx', 'content/guides/quickstart.mdx'].filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8'));
  const found = new Map<string, Operation>();
  for (const text of sources)
    for (const command of text.split(/(?=\bcurl\s)/)) {
      if (!command.startsWith('curl')) continue;
      const url = /(?:\$\{apiBaseUrl\}|\$API|https:\/\/api\.factuarea\.com\/v1)(\/[^\s"'`?\\]*)/.exec(command);
      if (!url) {
        unmatched.push(command.split('\n')[0]);
        continue;
      }
      const explicit = /-X\s+([A-Z]+)/.exec(command)?.[1];
      const method = explicit ?? (/\s(-d|--data|--data-raw|--json)\s/.test(command) ? 'POST' : 'GET');
      const concrete = url[1].replace(/\$[A-Z_]+|\$\{[A-Z_]+\}/g, 'x');
      const template = routes.match(method, concrete);
      const op = template ? byKey.get(`${method} ${template}`) : undefined;
      if (op) found.set(`${method} ${template}`, op);
      else unmatched.push(`${method} ${url[1]}`);
    }
  return [...found.values()];
}

/** A sample's code against the sandbox under test, with a fresh test key (a fresh seeded company) in place of the placeholder. */
const runnable = (code: string, base: string) => code.replaceAll(PRODUCTION_BASE, base).replaceAll(SAMPLE_KEY, newTestKey());

/**
 * The documented success status: `201` for an operation that declares it (a create, which may also declare a
 * `200` "in the same shape" for a replay), else its first 2xx.
 */
function successStatus(op: Operation): number {
  const codes = op.responses.map((r) => r.status).filter((s) => /^2\d\d$/.test(s));
  return codes.includes('201') ? 201 : Number(codes[0] ?? 200);
}

describe('every code sample works against the sandbox', () => {
  const sandboxBase = process.env.SAMPLE_TESTS_BASE ?? `${baseURL}/sandbox/v1`;
  const work = mkdtempSync(path.join(tmpdir(), 'samples-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.skipIf(!!process.env.SAMPLE_TESTS_BASE)('runs against the embedded sandbox, not the stand-in', () => {
    expect(inject('sandbox'), 'the sample tests need the embedded sandbox in the build (or SAMPLE_TESTS_BASE)').toBe('embedded');
  });

  const selected = new Map<string, { op: Operation; why: string }>();
  for (const op of onePerTag()) selected.set(op.operationId, { op, why: `tag ${op.tag}` });
  for (const op of quickstartOperations()) selected.set(op.operationId, { op, why: 'Quickstart' });

  it('covers every tag and the Quickstart', () => {
    expect(new Set([...selected.values()].map((s) => s.op.tag)).size).toBe(new Set(operations.map((o) => o.tag)).size);
    const unmatched: string[] = [];
    expect(quickstartOperations(unmatched).map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining([
        'get /account',
        'get /clients',
        'post /clients',
        'post /invoices',
        'post /invoices/{invoice}/send',
        'post /invoices/{invoice}/mark-paid',
      ]),
    );
    expect(unmatched, 'curl steps of the landing page or the Quickstart that match no operation of the document').toEqual([]);
  });

  for (const { op, why } of selected.values()) {
    const samples = generateSamples(doc, op);
    const expected = successStatus(op);
    const label = `${op.method.toUpperCase()} ${op.path} (${why}, ${referenceUrl(op)})`;

    it(`cURL: ${label} answers ${expected}`, async () => {
      const code = runnable(samples.find((s) => s.id === 'curl')!.code, sandboxBase);
      const writesFile = /\s-o\s/.test(code);
      const { stdout } = await run('bash', ['-c', `${code} -s ${writesFile ? '' : '-o response.out '}-w '%{http_code}'`], {
        cwd: work,
        timeout: 30_000,
      });
      expect(Number(stdout.trim().slice(-3)), `${code}\n→ ${stdout}`).toBe(expected);
    });

    it(`fetch: ${label} answers ${expected}`, async () => {
      const code = runnable(samples.find((s) => s.id === 'fetch')!.code, sandboxBase);
      const statuses: number[] = [];
      const recordingFetch = async (input: string, init?: RequestInit) => {
        const res = await fetch(input, init);
        statuses.push(res.status);
        return res;
      };
      const quiet = { log: () => {} };
      const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
        ...args: string[]
      ) => (...a: unknown[]) => Promise<void>;
      await new AsyncFunction('fetch', 'console', code)(recordingFetch, quiet);
      expect(statuses, code).toEqual([expected]);
    });
  }
});
