/** The tools that guard the document: merging fragments, and the checks that must catch mistakes. */
import { describe, expect, it } from 'vitest';
import { bundleFragments, type JsonObject } from '@/lib/openapi/bundle';
import { findDanglingRefs, findInvalidExamples, findOperationIssues, findTodos } from '@/lib/openapi/check';
import { copiedProse, referenceRuns } from '@/lib/openapi/originality';

const base = { openapi: '3.1.0', info: { title: 't', version: '1' }, 'x-tagGroups': [{ name: 'g', tags: ['B', 'A'] }] };

describe('bundleFragments', () => {
  it('merges paths and components from several files and orders tags by x-tagGroups', () => {
    const doc = bundleFragments([
      { file: 'document.yaml', doc: base },
      { file: 'a.yaml', doc: { tags: [{ name: 'A' }], paths: { '/a': {} }, components: { schemas: { A: { type: 'string' } } } } },
      { file: 'b.yaml', doc: { tags: [{ name: 'B' }], paths: { '/b': {} }, components: { schemas: { B: { type: 'string' } } } } },
    ]);
    expect(Object.keys(doc.paths as object)).toEqual(['/a', '/b']);
    expect(Object.keys((doc.components as { schemas: object }).schemas)).toEqual(['A', 'B']);
    expect((doc.tags as { name: string }[]).map((t) => t.name)).toEqual(['B', 'A']);
  });

  it('refuses a path or component defined twice, naming both files', () => {
    expect(() =>
      bundleFragments([
        { file: 'a.yaml', doc: { components: { schemas: { Same: {} } } } },
        { file: 'b.yaml', doc: { components: { schemas: { Same: {} } } } },
      ]),
    ).toThrow(/b\.yaml: components > schemas > Same is already defined in a\.yaml/);
    expect(() =>
      bundleFragments([
        { file: 'a.yaml', doc: { paths: { '/x': {} } } },
        { file: 'b.yaml', doc: { paths: { '/x': {} } } },
      ]),
    ).toThrow(/paths > \/x/);
  });
});

const op = (extra: object = {}) => ({
  summary: 'List things',
  description: 'Lists things.',
  'x-required-scope': 'things:read',
  responses: {
    '200': {
      description: 'ok',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' }, example: { id: 'x' } } },
    },
    '401': { description: 'no' },
  },
  ...extra,
});
const doc = (o: object, schemas: object = { Thing: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } }) =>
  ({
    openapi: '3.1.0',
    paths: { '/things': { get: o } },
    components: { schemas },
  }) as JsonObject;

describe('checks', () => {
  it('passes a well-formed operation', () => {
    const d = doc(op());
    expect([...findDanglingRefs(d), ...findTodos(d), ...findOperationIssues(d), ...findInvalidExamples(d)]).toEqual([]);
  });

  it('reports a dangling $ref', () => {
    const d = doc(op(), {});
    expect(findDanglingRefs(d).map((i) => i.message)).toEqual(['$ref #/components/schemas/Thing does not resolve']);
  });

  it('reports TODO prose and missing parts of an operation', () => {
    const d = doc(
      op({ summary: 'TODO', description: undefined, 'x-required-scope': undefined, responses: { '200': { description: 'ok' } } }),
    );
    expect(findTodos(d)).toHaveLength(1);
    expect(findOperationIssues(d).map((i) => i.message)).toEqual(['no description', 'no x-required-scope', 'no error response']);
  });

  it('reports a success body without an example', () => {
    const o = op();
    delete (o.responses['200'].content['application/json'] as { example?: unknown }).example;
    expect(findOperationIssues(doc(o)).map((i) => i.message)).toEqual(['response 200 application/json has no example']);
  });

  it('reports an example that does not match its schema, also through components.examples', () => {
    const o = op();
    o.responses['200'].content['application/json'] = {
      schema: { $ref: '#/components/schemas/Thing' },
      examples: { bad: { $ref: '#/components/examples/Bad' } },
    } as never;
    const d = { ...doc(o), components: { ...(doc(o).components as JsonObject), examples: { Bad: { value: { id: 7 } } } } };
    const issues = findInvalidExamples(d);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/\/id must be string/);
  });

  it('checks formats such as uuid and date', () => {
    const d = doc(op(), { Thing: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } } });
    expect(findInvalidExamples(d)).toHaveLength(1);
  });
});

describe('originality', () => {
  it('flags a description that reuses eight words in a row of the reference, and nothing else', () => {
    const set = referenceRuns({
      description: 'Mark an invoice as fully paid. Idempotent: if already paid, returns the invoice unchanged.',
    });
    const hits = copiedProse(
      {
        a: { description: 'Idempotent: if already paid, returns the invoice unchanged, says the copy.' },
        b: { description: 'Records the payment and marks the invoice as paid.' },
      },
      set,
    );
    expect(hits.map((h) => h.pointer)).toEqual(['#/a/description']);
  });
});
