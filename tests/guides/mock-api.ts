/**
 * A stand-in for the API built from the OpenAPI document alone, for running the guides' snippets before the
 * sandbox exists: it authenticates `fact_test_` keys, finds the operation for each request, validates the
 * query parameter names and the JSON body against the document (Ajv), and answers with the operation's
 * example success response. Every mismatch is recorded in `problems`.
 */
import { createServer, type Server } from 'node:http';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { JsonObject } from '../../lib/openapi/bundle';
import { listOperations, type Operation } from '../../lib/openapi/operations';

export interface MockApi {
  url: string;
  problems: string[];
  calls: string[];
  close(): Promise<void>;
}

export async function startMockApi(doc: JsonObject): Promise<MockApi> {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: doc.components }, 'openapi');
  const ops = listOperations(doc);
  // Literal segments win over parameters: /invoices/statuses before /invoices/{invoice}.
  const routes = ops
    .map((op) => ({
      op,
      re: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '([^/]+)')}$`),
      literal: op.path.replace(/\{[^}]+\}/g, '').length,
    }))
    .sort((a, b) => b.literal - a.literal);
  const problems: string[] = [];
  const calls: string[] = [];

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://mock');
      const path = url.pathname.replace(/^\/v1/, '');
      const method = (req.method ?? 'GET').toLowerCase();
      const where = `${method.toUpperCase()} ${path}`;
      calls.push(where);
      const send = (status: number, body?: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json', 'X-Request-Id': 'req_01KN6M52X02RDT88NF7D4KTD43' });
        res.end(body === undefined ? '' : JSON.stringify(body));
      };
      // Bearer wins when both headers are sent, as in the API.
      const auth = req.headers.authorization ?? (req.headers['x-api-key'] ? `Bearer ${String(req.headers['x-api-key'])}` : '');
      if (!/^Bearer fact_test_[A-Za-z0-9]{24}$/.test(auth)) {
        problems.push(`${where}: no valid test key (${auth ? 'malformed' : 'missing'})`);
        return send(401, { error: { type: 'authentication_error', code: 'invalid_api_key', message: 'bad key' } });
      }
      const route = routes.find((r) => r.op.method === method && r.re.test(path));
      if (!route) {
        problems.push(`${where}: no such operation`);
        return send(404, { error: { type: 'not_found_error', code: 'resource_not_found', message: 'no route' } });
      }
      const op: Operation = route.op;
      const known = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
      for (const name of url.searchParams.keys()) if (!known.has(name)) problems.push(`${where}: unknown query parameter ${name}`);
      if (op.requestBody && raw) {
        const media = op.requestBody.content.find((c) => c.mediaType.includes('json'));
        if (media) {
          let body: unknown;
          try {
            body = JSON.parse(raw);
          } catch {
            problems.push(`${where}: body is not JSON`);
          }
          // Local refs of the document resolve against the copy registered as `openapi`.
          const schema = JSON.parse(JSON.stringify(media.schema).replace(/"#\/components\//g, '"openapi#/components/')) as object;
          try {
            const validate = ajv.compile(schema);
            if (!validate(body)) problems.push(`${where}: body ${ajv.errorsText(validate.errors)}`);
          } catch (e) {
            problems.push(`${where}: cannot compile the body schema: ${(e as Error).message}`);
          }
        }
      } else if (op.requestBody?.required && !raw) problems.push(`${where}: missing required body`);
      if (op.method !== 'get' && !req.headers['idempotency-key'] && op.parameters.some((p) => p.name === 'Idempotency-Key'))
        calls.push(`${where} (no Idempotency-Key)`);
      const ok = op.responses.find((r) => r.status.startsWith('2'));
      const file = ok?.content.find((c) => !c.mediaType.includes('json'));
      if (file) {
        res.writeHead(Number(ok?.status ?? 200), { 'Content-Type': file.mediaType, 'X-Request-Id': 'req_01KN6M52X02RDT88NF7D4KTD43' });
        return res.end(file.mediaType.includes('xml') ? '<?xml version="1.0" encoding="UTF-8"?><fe:Facturae/>' : '%PDF-1.7\n');
      }
      const example = ok?.content.find((c) => c.mediaType.includes('json'))?.examples[0]?.value;
      const status = Number(ok?.status ?? 200);
      // The examples say has_more: true; the second page is the last, so iteration ends.
      if (url.searchParams.has('starting_after')) return send(status, { data: [], has_more: false, next_cursor: null });
      send(status, status === 204 ? undefined : (example ?? {}));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/v1`,
    problems,
    calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
