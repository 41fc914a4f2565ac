/**
 * What the try-it console needs to know about one operation, computed on the server from the document: method,
 * path, its parameters with example values (the example dataset's ids, so requests work on a seeded sandbox),
 * and the request body as example JSON or as multipart fields. A few hundred bytes instead of a document.
 */
import type { JsonObject } from '../openapi/bundle';
import { type Operation, exampleRequest, isWrite } from '../openapi/operations';
import { deref, isObject } from '../openapi/walk';

export interface ConsoleParam {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  /** Prefilled value: the example the reference shows for path and required or paging parameters, else empty. */
  value: string;
  enum?: string[];
  /** JSON Schema type, for the input's hint. */
  type?: string;
}

export type ConsoleBody =
  | { mediaType: 'application/json'; required: boolean; example: string }
  | { mediaType: 'multipart/form-data'; required: boolean; fields: { name: string; binary: boolean; required: boolean }[] };

export interface ConsoleSpec {
  method: string;
  path: string;
  /** The operation takes an Idempotency-Key: the console fills one in. */
  idempotent: boolean;
  params: ConsoleParam[];
  body?: ConsoleBody;
}

/** Headers the console sets itself or that only webhooks carry. */
const SKIPPED_HEADERS = /^(idempotency-key|authorization|x-api-key)$/i;

const typeOf = (schema: JsonObject) =>
  Array.isArray(schema.type)
    ? schema.type.filter((t) => t !== 'null').join(' | ')
    : typeof schema.type === 'string'
      ? schema.type
      : undefined;

export function consoleSpec(doc: JsonObject, op: Operation): ConsoleSpec {
  const example = exampleRequest(doc, op, '');
  // The example path, segment by segment against the template, gives each path parameter's example value.
  const filled = example.path.split('/');
  const pathValues = new Map<string, string>();
  op.path.split('/').forEach((seg, i) => {
    const m = /^\{(.+)\}$/.exec(seg);
    if (m && filled[i] !== seg) pathValues.set(m[1], decodeURIComponent(filled[i]));
  });
  const queryValues = new Map(example.query);

  const params: ConsoleParam[] = op.parameters
    .filter((p): p is typeof p & { in: ConsoleParam['in'] } => p.in !== 'cookie' && !(p.in === 'header' && SKIPPED_HEADERS.test(p.name)))
    .map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required,
      value: p.in === 'path' ? (pathValues.get(p.name) ?? '') : p.in === 'query' ? (queryValues.get(p.name) ?? '') : '',
      ...(Array.isArray(p.schema.enum) ? { enum: p.schema.enum.map(String) } : {}),
      ...(typeOf(p.schema) ? { type: typeOf(p.schema) } : {}),
    }));

  let body: ConsoleBody | undefined;
  const media = op.requestBody?.content[0];
  if (media?.mediaType === 'application/json')
    body = {
      mediaType: 'application/json',
      required: op.requestBody?.required ?? false,
      example: JSON.stringify(example.body ?? {}, null, 2),
    };
  else if (media?.mediaType === 'multipart/form-data') {
    const schema = deref(doc, media.schema);
    const props = isObject(schema.properties) ? schema.properties : {};
    const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
    body = {
      mediaType: 'multipart/form-data',
      required: op.requestBody?.required ?? false,
      fields: Object.entries(props).map(([name, s]) => {
        const field = deref(doc, s);
        const binary = isObject(field) && (field.format === 'binary' || (isObject(field.items) && field.items.format === 'binary'));
        return { name, binary, required: required.has(name) };
      }),
    };
  }

  return {
    method: op.method.toUpperCase(),
    path: op.path,
    idempotent: isWrite(op.method) && op.parameters.some((p) => p.in === 'header' && /^idempotency-key$/i.test(p.name)),
    params,
    ...(body ? { body } : {}),
  };
}
