/**
 * Code samples for an operation, generated from the document: cURL, the TypeScript SDK
 * (`@factuarea/sdk`), the PHP SDK (`factuarea/factuarea-php`), Python `requests` and JavaScript `fetch`.
 * SDK method names follow the SDKs' naming contract, derived from the `operationId`.
 */
import type { Json, JsonObject } from './bundle';
import { type Operation, binaryResponse, exampleRequest, isPaginatedList, isWrite } from './operations';

export const SAMPLE_KEY = 'fact_test_51HbRxExampleKey0000000A';
export const PRODUCTION_BASE = 'https://api.factuarea.com/v1';
/**
 * The Idempotency-Key a sample sends: a UUID-shaped value derived from the operation, so that copying two
 * different samples never reuses one key for two different requests (which answers 409 idempotency_key_reused).
 */
export function sampleIdempotencyKey(operationId: string): string {
  let h = 0x811c9dc5;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (const ch of `${round}:${operationId}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    hex.push(h.toString(16).padStart(8, '0'));
  }
  const x = hex.join('');
  return `019d4d42-${x.slice(8, 12)}-7${x.slice(13, 16)}-${'89ab'[parseInt(x[16], 16) % 4]}${x.slice(17, 20)}-${x.slice(20, 32)}`;
}

export interface Sample {
  id: 'curl' | 'typescript' | 'php' | 'python' | 'fetch';
  label: string;
  lang: 'bash' | 'ts' | 'php' | 'python' | 'js';
  code: string;
}

const camel = (s: string) => s.replace(/[_-]+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (s: string) => camel(s).replace(/^./, (c) => c.toUpperCase());

/** `public-api.v1.webhook_endpoints.deliveries.replay` → `webhookEndpoints.deliveries.replay`. */
export function sdkMethodPath(operationId: string): string {
  return operationId
    .replace(/^public-api\.v1\./, '')
    .split('.')
    .map(camel)
    .join('.');
}

/** `public-api.v1.invoices.list` → `publicApiV1InvoicesList`. */
export function phpMethodName(operationId: string): string {
  return camel(operationId.split(/[.]/).map(pascal).join('').replace(/^./, (c) => c.toLowerCase()));
}

function queryString(q: [string, string][]) {
  return q.length ? `?${q.map(([k, v]) => `${encodeURIComponent(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(v)}`).join('&')}` : '';
}

const json = (v: Json, indent = 2) => JSON.stringify(v, null, indent);
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function pyLiteral(v: Json, level = 0): string {
  const pad = '    '.repeat(level + 1);
  const end = '    '.repeat(level);
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return v.length ? `[\n${v.map((x) => pad + pyLiteral(x, level + 1)).join(',\n')},\n${end}]` : '[]';
  const entries = Object.entries(v);
  return entries.length ? `{\n${entries.map(([k, x]) => `${pad}${JSON.stringify(k)}: ${pyLiteral(x, level + 1)}`).join(',\n')},\n${end}}` : '{}';
}

function phpLiteral(v: Json, level = 0): string {
  const pad = '    '.repeat(level + 1);
  const end = '    '.repeat(level);
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(v)) return v.length ? `[\n${v.map((x) => pad + phpLiteral(x, level + 1)).join(',\n')},\n${end}]` : '[]';
  const entries = Object.entries(v);
  return entries.length ? `[\n${entries.map(([k, x]) => `${pad}'${k}' => ${phpLiteral(x, level + 1)}`).join(',\n')},\n${end}]` : '[]';
}

const indentAfterFirst = (s: string, spaces: number) => s.replace(/\n/g, `\n${' '.repeat(spaces)}`);

export function generateSamples(doc: JsonObject, op: Operation, base = PRODUCTION_BASE): Sample[] {
  const req = exampleRequest(doc, op, sampleIdempotencyKey(op.operationId));
  const url = `${base}${req.path}${queryString(req.query)}`;
  const method = op.method.toUpperCase();
  const hasJsonBody = req.body !== undefined && (req.bodyMediaType ?? '').includes('json');
  const binary = binaryResponse(op);
  const paginated = isPaginatedList(doc, op);
  const fileExt = binary ? ({ 'application/pdf': 'pdf', 'application/zip': 'zip', 'application/xml': 'xml', 'text/csv': 'csv' }[binary] ?? 'bin') : '';
  const fileName = `${op.operationId.split('.').slice(-2).join('-').replace(/_/g, '-')}.${fileExt}`;

  // cURL
  const curl = [`curl${method === 'GET' ? '' : ` -X ${method}`} ${url.includes('?') ? `"${url}"` : url}`, `  -H "Authorization: Bearer ${SAMPLE_KEY}"`];
  for (const [k, v] of req.headers) curl.push(`  -H "${k}: ${v}"`);
  if (hasJsonBody) curl.push(`  -H "Content-Type: application/json"`, `  -d ${shellQuote(json(req.body as Json))}`);
  if (binary) curl.push(`  -o ${fileName}`);

  // TypeScript SDK
  const pathArgs = op.parameters.filter((p) => p.in === 'path').map((p) => {
    const m = new RegExp(`^${op.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{[^}]+\\\}/g, '([^/]+)')}$`).exec(req.path);
    const i = op.path.match(/\{[^}]+\}/g)?.indexOf(`{${p.name}}`) ?? -1;
    return decodeURIComponent(m?.[i + 1] ?? p.name);
  });
  const tsArgs = pathArgs.map((a) => JSON.stringify(a));
  if (hasJsonBody) tsArgs.push(indentAfterFirst(json(req.body as Json), 0));
  else if (req.query.length) tsArgs.push(`{ ${req.query.map(([k, v]) => `${/^[a-z_]+$/i.test(k) ? k : JSON.stringify(k)}: ${/^\d+$/.test(v) ? v : JSON.stringify(v)}`).join(', ')} }`);
  const call = `factuarea.${sdkMethodPath(op.operationId)}(${tsArgs.join(', ')})`;
  const ts = [
    `import { Factuarea } from "@factuarea/sdk";`,
    ``,
    `const factuarea = new Factuarea({`,
    `  apiKey: "${SAMPLE_KEY}",`,
    `  baseUrl: "${base}",`,
    `});`,
    ``,
  ];
  if (paginated) ts.push(`for await (const item of await ${call}) {`, `  console.log(item.id);`, `}`);
  else if (binary) ts.push(`const file = await ${call};`, `await writeFile("${fileName}", await file.toBuffer());`);
  else ts.push(`const response = await ${call};`, `console.log(response);`);
  if (binary) ts.splice(1, 0, `import { writeFile } from "node:fs/promises";`);

  // PHP SDK
  const phpNamespace = camel(op.operationId.replace(/^public-api\.v1\./, '').split('.')[0]);
  const phpArgs: string[] = pathArgs.map((a) => `'${a}'`);
  if (hasJsonBody) phpArgs.push(phpLiteral(req.body as Json));
  else for (const [k, v] of req.query) if (/^[a-z_]+$/i.test(k)) phpArgs.push(`${camel(k)}: ${/^\d+$/.test(v) ? v : `'${v}'`}`);
  const php = [
    `<?php`,
    ``,
    `use Factuarea\\Sdk\\Custom\\FactuareaClient;`,
    ``,
    `$factuarea = FactuareaClient::create('${SAMPLE_KEY}');`,
    ``,
    `$response = $factuarea->${phpNamespace}->${phpMethodName(op.operationId)}(${phpArgs.join(', ')});`,
  ];
  if (paginated) php.push(`foreach ($response->paginatedList?->data ?? [] as $item) {`, `    echo $item->id, PHP_EOL;`, `}`);
  else if (binary) php.push(`file_put_contents('${fileName}', $response->bytes);`);

  // Python requests
  const py = [`import requests`, ``, `response = requests.${op.method === 'get' ? 'get' : op.method}(`, `    "${base}${req.path}",`];
  const pyHeaders = [`"Authorization": "Bearer ${SAMPLE_KEY}"`, ...req.headers.map(([k, v]) => `"${k}": "${v}"`)];
  py.push(`    headers={${pyHeaders.join(', ')}},`);
  if (req.query.length) py.push(`    params={${req.query.map(([k, v]) => `"${k}": ${/^\d+$/.test(v) ? v : JSON.stringify(v)}`).join(', ')}},`);
  if (hasJsonBody) py.push(`    json=${indentAfterFirst(pyLiteral(req.body as Json), 4)},`);
  py.push(`)`, `response.raise_for_status()`);
  py.push(binary ? `open("${fileName}", "wb").write(response.content)` : op.responses.some((r) => r.status === '204') ? `` : `print(response.json())`);

  // fetch
  const fetchHeaders = [`Authorization: "Bearer ${SAMPLE_KEY}"`, ...req.headers.map(([k, v]) => `"${k}": "${v}"`)];
  if (hasJsonBody) fetchHeaders.push(`"Content-Type": "application/json"`);
  const js = [
    `const response = await fetch("${url}", {`,
    ...(method === 'GET' ? [] : [`  method: "${method}",`]),
    `  headers: {`,
    ...fetchHeaders.map((h) => `    ${h},`),
    `  },`,
    ...(hasJsonBody ? [`  body: JSON.stringify(${indentAfterFirst(json(req.body as Json), 2)}),`] : []),
    `});`,
    binary ? `const file = await response.arrayBuffer();` : op.responses.some((r) => r.status === '204') ? `console.log(response.status);` : `console.log(await response.json());`,
  ];

  return [
    { id: 'curl', label: 'cURL', lang: 'bash', code: curl.join(' \\\n') },
    { id: 'typescript', label: 'TypeScript', lang: 'ts', code: ts.join('\n') },
    { id: 'php', label: 'PHP', lang: 'php', code: php.join('\n') },
    { id: 'python', label: 'Python', lang: 'python', code: py.filter((l, i, a) => !(l === '' && i === a.length - 1)).join('\n') },
    { id: 'fetch', label: 'fetch', lang: 'js', code: js.join('\n') },
  ];
}

export const isWriteOperation = (op: Operation) => isWrite(op.method);
