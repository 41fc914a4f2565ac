/**
 * Checks the bundled OpenAPI document for what a reader and the sandbox rely on: no dangling `$ref`,
 * no unwritten prose (`TODO`), every operation documented (summary, description, scope, an error
 * response, an example for its success body), and every example valid against its schema.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Json, JsonObject } from './bundle';
import { HTTP_METHODS, deref, escapePointer, isObject, resolvePointer, walk } from './walk';

export interface Issue {
  pointer: string;
  kind: 'dangling-ref' | 'todo' | 'operation' | 'example';
  message: string;
}

/** Formats OpenAPI uses that JSON Schema validators do not know; they only annotate. */
const ANNOTATION_FORMATS = ['float', 'double', 'int32', 'int64', 'binary', 'byte', 'password', 'decimal', 'iban', 'bic'];

export function createValidator(doc: JsonObject) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  for (const f of ANNOTATION_FORMATS) ajv.addFormat(f, true);
  ajv.addSchema({ $id: 'openapi.json', components: doc.components ?? {} } as object);
  const cache = new Map<string, ReturnType<typeof ajv.compile>>();
  const rewrite = (s: Json): Json =>
    Array.isArray(s)
      ? s.map(rewrite)
      : isObject(s)
        ? Object.fromEntries(
            Object.entries(s).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `openapi.json${v}` : rewrite(v)]),
          )
        : s;
  return (schema: Json, value: Json): string[] => {
    const key = JSON.stringify(schema);
    let validate = cache.get(key);
    if (!validate) {
      validate = ajv.compile(rewrite(schema) as object);
      cache.set(key, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as string[]).join(', ')})` : ''}`);
  };
}

export function findDanglingRefs(doc: JsonObject): Issue[] {
  const issues: Issue[] = [];
  walk(doc, (n, pointer) => {
    if (typeof n.$ref === 'string' && resolvePointer(doc, n.$ref) === undefined)
      issues.push({ pointer, kind: 'dangling-ref', message: `$ref ${n.$ref} does not resolve` });
  });
  return issues;
}

export function findTodos(doc: JsonObject): Issue[] {
  const issues: Issue[] = [];
  walk(doc, (n, pointer) => {
    for (const [k, v] of Object.entries(n))
      if (typeof v === 'string' && /\bTODO\b/.test(v)) issues.push({ pointer: `${pointer}/${escapePointer(k)}`, kind: 'todo', message: `${k} is TODO` });
  });
  return issues;
}

/** Every media-type object, parameter and header that can carry examples, with its schema. */
function* exampleSites(doc: JsonObject): Generator<{ pointer: string; schema: Json; examples: [string, Json][] }> {
  const found: { pointer: string; node: JsonObject }[] = [];
  walk(doc, (n, pointer) => {
    if (pointer.startsWith('#/components/schemas') || pointer.startsWith('#/components/examples')) return;
    if (isObject(n.schema) && ('example' in n || 'examples' in n)) found.push({ pointer, node: n });
  });
  for (const { pointer, node } of found) {
    const examples: [string, Json][] = [];
    if ('example' in node) examples.push(['example', node.example]);
    if (isObject(node.examples))
      for (const [name, ex] of Object.entries(node.examples)) {
        const resolved = deref(doc, ex);
        if (isObject(resolved) && 'value' in resolved) examples.push([`examples/${name}`, resolved.value]);
      }
    yield { pointer, schema: node.schema, examples };
  }
}

export function findInvalidExamples(doc: JsonObject): Issue[] {
  const validate = createValidator(doc);
  const issues: Issue[] = [];
  for (const site of exampleSites(doc)) {
    for (const [name, value] of site.examples) {
      let errors: string[];
      try {
        errors = validate(site.schema, value);
      } catch (e) {
        errors = [`schema does not compile: ${(e as Error).message}`];
      }
      for (const err of errors) issues.push({ pointer: `${site.pointer}/${name}`, kind: 'example', message: err });
    }
  }
  return issues;
}

const isJson = (mt: string) => mt === 'application/json' || mt.endsWith('+json');

export function findOperationIssues(doc: JsonObject): Issue[] {
  const issues: Issue[] = [];
  const check = (pointer: string, op: JsonObject, isWebhook: boolean) => {
    const add = (message: string) => issues.push({ pointer, kind: 'operation', message });
    if (!op.summary) add('no summary');
    if (!op.description) add('no description');
    if (!isWebhook && typeof op['x-required-scope'] !== 'string') add('no x-required-scope');
    const responses = (isObject(op.responses) ? op.responses : {}) as JsonObject;
    if (!isWebhook && !Object.keys(responses).some((c) => /^[45]/.test(c))) add('no error response');
    for (const [code, r] of Object.entries(responses)) {
      if (!/^2/.test(code)) continue;
      const res = deref(doc, r);
      if (!isObject(res) || !isObject(res.content)) continue;
      for (const [mt, media] of Object.entries(res.content))
        if (isJson(mt) && isObject(media) && !('example' in media) && !('examples' in media)) add(`response ${code} ${mt} has no example`);
    }
    const body = deref(doc, op.requestBody ?? null);
    if (isObject(body) && isObject(body.content))
      for (const [mt, media] of Object.entries(body.content))
        if (isJson(mt) && isObject(media) && !('example' in media) && !('examples' in media)) add(`request body ${mt} has no example`);
  };
  for (const [root, isWebhook] of [['paths', false], ['webhooks', true]] as const) {
    const items = (isObject(doc[root]) ? doc[root] : {}) as JsonObject;
    for (const [path, item] of Object.entries(items))
      if (isObject(item))
        for (const m of HTTP_METHODS)
          if (isObject(item[m])) check(`#/${root}/${escapePointer(path)}/${m}`, item[m] as JsonObject, isWebhook);
  }
  return issues;
}

export function checkDocument(doc: JsonObject): Issue[] {
  return [...findDanglingRefs(doc), ...findTodos(doc), ...findOperationIssues(doc), ...findInvalidExamples(doc)];
}
