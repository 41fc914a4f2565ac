/**
 * Runs every runnable snippet of the guides against the embedded sandbox at `${baseURL}/sandbox/v1`: one script
 * per page and language (cURL, TypeScript SDK, PHP SDK), each with a key of its own. On by default
 * (RUN_GUIDE_SNIPPETS=0 skips it); GUIDE_SNIPPETS_API_KEY sets the key (default: a fresh fact_test_ key per script,
 * which the sandbox provisions a company for) and GUIDE_SNIPPETS_API_URL another base URL.
 */
import { randomInt } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { allSnippets, runnableScripts } from '@/lib/guides/snippets';
import { hasCommand, runScriptAsync } from '../guides/runner';

const enabled = process.env.RUN_GUIDE_SNIPPETS !== '0';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const freshKey = () => `fact_test_${Array.from({ length: 24 }, () => BASE62[randomInt(62)]).join('')}`;

describe.runIf(enabled)('guide snippets against the sandbox', () => {
  const baseURL = inject('baseURL');
  for (const script of runnableScripts(allSnippets())) {
    const available = (script.lang !== 'php' || hasCommand('php')) && (script.lang !== 'bash' || hasCommand('jq'));
    it.runIf(available)(`${script.file} (${script.lang})`, async () => {
      const res = await runScriptAsync(script.lang, script.code, {
        FACTUAREA_API_URL: process.env.GUIDE_SNIPPETS_API_URL ?? `${baseURL}/sandbox/v1`,
        FACTUAREA_API_KEY: process.env.GUIDE_SNIPPETS_API_KEY ?? freshKey(),
      });
      expect(res.status, `exit ${res.status}\n--- stderr\n${res.stderr}\n--- stdout\n${res.stdout}`).toBe(0);
    });
  }
});

describe.skipIf(enabled)('guide snippets against the sandbox (RUN_GUIDE_SNIPPETS=0 skipped them)', () => {
  it('finds the runnable snippets it would run', () => {
    expect(runnableScripts(allSnippets()).length).toBeGreaterThan(0);
  });
});
