/** The console's framework-free parts: the per-operation spec the page embeds, and "copy as" snippets of a sent request. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '@/lib/openapi/bundle';
import { listOperations } from '@/lib/openapi/operations';
import { consoleSpec } from '@/lib/console/spec';
import { curlSnippet, phpSnippet, typescriptSnippet, type SentRequest } from '@/lib/console/snippets';

const doc = JSON.parse(readFileSync('openapi/dist/openapi.json', 'utf8')) as JsonObject;
const ops = listOperations(doc);
const find = (id: string) => ops.find((o) => o.operationId === id)!;

describe('console spec', () => {
  it('prefills a write with the example body and asks for an Idempotency-Key', () => {
    const spec = consoleSpec(doc, find('public-api.v1.clients.create'));
    expect(spec).toMatchObject({ method: 'POST', path: '/clients', idempotent: true });
    expect(spec.body?.mediaType).toBe('application/json');
    if (spec.body?.mediaType === 'application/json')
      expect(JSON.parse(spec.body.example)).toMatchObject({ name: 'Librería Mar de Letras SL' });
    expect(spec.params.map((p) => p.name)).toEqual(['Factuarea-Version']);
  });

  it('prefills path parameters with the example dataset’s ids, and lists paging parameters', () => {
    const show = consoleSpec(doc, find('public-api.v1.clients.show'));
    expect(show.idempotent).toBe(false);
    expect(show.params.find((p) => p.in === 'path')).toMatchObject({
      name: 'client',
      required: true,
      value: expect.stringMatching(/^019[0-9a-f-]+$/),
    });
    const list = consoleSpec(doc, find('public-api.v1.invoices.list'));
    expect(list.params.find((p) => p.name === 'limit')).toMatchObject({ in: 'query', value: expect.stringMatching(/^\d+$/) });
    expect(list.params.some((p) => p.in === 'query' && p.enum)).toBe(true);
  });

  it('describes multipart uploads field by field', () => {
    const op = ops.find((o) => o.requestBody?.content[0]?.mediaType === 'multipart/form-data')!;
    const spec = consoleSpec(doc, op);
    expect(spec.body?.mediaType).toBe('multipart/form-data');
    if (spec.body?.mediaType === 'multipart/form-data') expect(spec.body.fields.some((f) => f.binary)).toBe(true);
  });

  it('stays small for every operation (it is embedded in the page)', () => {
    const sizes = ops.map((o) => JSON.stringify(consoleSpec(doc, o)).length);
    expect(Math.max(...sizes)).toBeLessThan(12_000);
  });
});

describe('copy as', () => {
  const req: SentRequest = {
    method: 'POST',
    url: 'http://127.0.0.1:3000/sandbox/v1/clients',
    headers: [
      ['accept', 'application/json'],
      ['content-type', 'application/json'],
      ['idempotency-key', '019d4d42-8a10-7c3e-9f21-5b7e0c1d2a44'],
      ['authorization', 'Bearer fact_test_ShouldNeverAppear0000000'],
    ],
    body: `{"name":"O'Brien & Hijos"}`,
    key: { owner: 'own', masked: 'fact_test_…8Xa' },
  };

  it('cURL repeats the request exactly, reading the key from the environment', () => {
    const code = curlSnippet(req);
    expect(code).toContain(`curl -X POST 'http://127.0.0.1:3000/sandbox/v1/clients'`);
    expect(code).toContain(`-H "Authorization: Bearer $FACTUAREA_API_KEY"`);
    expect(code).toContain(`-H 'idempotency-key: 019d4d42-8a10-7c3e-9f21-5b7e0c1d2a44'`);
    expect(code).toContain('your key fact_test_…8Xa');
    expect(code).not.toContain('ShouldNeverAppear');
    // The shell reads the body back byte for byte (quotes included).
    const echoed = execFileSync('bash', ['-c', `printf '%s' ${code.split('--data-raw ')[1]}`]).toString();
    expect(echoed).toBe(req.body);
  });

  it('TypeScript and PHP carry the same method, URL, headers and body', () => {
    const ts = typescriptSnippet(req);
    expect(ts).toContain('fetch("http://127.0.0.1:3000/sandbox/v1/clients"');
    expect(ts).toContain('method: "POST"');
    expect(ts).toContain('process.env.FACTUAREA_API_KEY');
    expect(ts).toContain(`"name": "O'Brien & Hijos"`);
    const php = phpSnippet(req);
    expect(php).toContain(`curl_init('http://127.0.0.1:3000/sandbox/v1/clients')`);
    expect(php).toContain(`CURLOPT_POSTFIELDS => '{"name":"O\\'Brien & Hijos"}'`);
    expect(php).toContain(`getenv('FACTUAREA_API_KEY')`);
    for (const code of [ts, php]) expect(code).not.toContain('ShouldNeverAppear');
  });

  it('says the site held the key when the visitor brought none', () => {
    const code = curlSnippet({ ...req, method: 'GET', body: undefined, key: { owner: 'site' } });
    expect(code).toContain('this site held the key, and it is not shown');
    expect(code).not.toContain('-X GET');
    expect(code).not.toContain('--data-raw');
  });
});
