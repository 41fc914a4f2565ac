/**
 * The webhook signature scheme against the published test vectors: the library the in-page checker uses,
 * and every verification snippet of the guides (TypeScript, Python, PHP), run as a reader would run them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allSnippets, normaliseLang, runnableScripts } from '@/lib/guides/snippets';
import { computeSignature, parseSignatureHeader, signatureHeader, verifySignature } from '@/lib/webhooks/signature';
import { hasCommand, runScript, vectorsDriver } from '../guides/runner';

const VECTORS_FILE = join(process.cwd(), 'public/webhooks/test-vectors.json');
const { vectors } = JSON.parse(readFileSync(VECTORS_FILE, 'utf8')) as {
  vectors: {
    name: string;
    payload: string;
    header: string;
    secret: string;
    now: number;
    tolerance_seconds: number;
    expected: { valid: boolean; reason: string };
  }[];
};

describe('test vectors', () => {
  it('are up to date with the generator', () => {
    execFileSync(join(process.cwd(), 'node_modules/.bin/tsx'), ['scripts/webhook-vectors.ts', '--check'], { stdio: 'pipe' });
  });

  it('cover valid deliveries, rotation, tampering, replays and malformed headers', () => {
    const reasons = new Set(vectors.map((v) => v.expected.reason));
    expect([...reasons].sort()).toEqual(['malformed_header', 'no_matching_signature', 'timestamp_outside_tolerance', 'valid']);
    expect(vectors.some((v) => (v.header.match(/v1=/g) ?? []).length === 2)).toBe(true);
  });
});

describe('lib/webhooks/signature', () => {
  for (const v of vectors)
    it(`${v.name}: ${v.expected.reason}`, async () => {
      const result = await verifySignature(v.payload, v.header, v.secret, { now: v.now, toleranceSeconds: v.tolerance_seconds });
      expect({ valid: result.valid, reason: result.reason }).toEqual(v.expected);
    });

  it('signs like the document’s example delivery', async () => {
    const header = await signatureHeader(vectors[0].payload, 1775117703, [vectors[0].secret]);
    expect(header).toBe(vectors[0].header);
    expect(parseSignatureHeader(header)?.signatures).toEqual([await computeSignature(vectors[0].payload, 1775117703, vectors[0].secret)]);
  });

  it('explains a missing header or secret', async () => {
    await expect(verifySignature('{}', '', 'whsec_x')).resolves.toMatchObject({ valid: false, reason: 'missing_header' });
    await expect(verifySignature('{}', 't=1,v1=00', ' ')).resolves.toMatchObject({ valid: false, reason: 'missing_secret' });
  });
});

describe('the guides’ verification snippets', () => {
  const scripts = runnableScripts(allSnippets(), 'vectors');

  it('exist in TypeScript, Python and PHP', () => {
    expect(new Set(scripts.map((s) => s.lang))).toEqual(new Set(['ts', 'python', 'php']));
  });

  for (const script of scripts) {
    const available = script.lang !== 'php' || hasCommand('php');
    it.runIf(available)(`${script.file} (${script.lang}) agrees with every vector`, () => {
      const lang = normaliseLang(script.lang)!;
      const res = runScript(lang, script.code + vectorsDriver(lang, VECTORS_FILE));
      expect(res.stderr, res.stderr).not.toMatch(/error|warning/i);
      expect(res.status, res.stderr).toBe(0);
      const results = JSON.parse(res.stdout.trim().split('\n').pop()!) as { name: string; valid: boolean }[];
      expect(results).toEqual(vectors.map((v) => ({ name: v.name, valid: v.expected.valid })));
    });
  }
});
