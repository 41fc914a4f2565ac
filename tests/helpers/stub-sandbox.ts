/**
 * A small stateful stand-in for the embedded sandbox, for the browser tests until the sandbox is in the build.
 * It behaves as the sandbox is specified to: any well-formed `fact_test_` key gets a company of its own on first
 * use (seeded with one client), `fact_live_` keys get 401, writes honour `Idempotency-Key` (replays carry
 * `Idempotent-Replayed: true`), and every response has `X-Request-Id` and `X-RateLimit-*` — plus a `Set-Cookie`,
 * which the proxy must never pass on, and `GET /account` echoes the whole key, which the proxy must mask. It
 * records which keys it saw (GET /__stub/keys, outside the API's paths).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ulid } from 'ulid';

export interface StubSandbox {
  url: string;
  /** The base the proxy should call: `<url>/sandbox/v1`. */
  base: string;
  keysSeen: Set<string>;
  close(): Promise<void>;
}

type Obj = Record<string, unknown> & { id: string };
interface Company {
  collections: Map<string, Obj[]>;
  idempotency: Map<string, { hash: string; status: number; body: unknown }>;
}

const SEED_CLIENT = { name: 'Hostal Las Dunas SL', tax_id: 'B11759024' };

function newCompany(): Company {
  const c: Company = { collections: new Map(), idempotency: new Map() };
  c.collections.set('clients', [{ id: randomUUID(), object: 'client', ...SEED_CLIENT, created: Math.floor(Date.now() / 1000) }]);
  return c;
}

export async function startStubSandbox(): Promise<StubSandbox> {
  const companies = new Map<string, Company>();
  const keysSeen = new Set<string>();

  const send = (res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) => {
    const requestId = `req_${ulid()}`;
    res.writeHead(status, {
      'content-type': 'application/json',
      'x-request-id': requestId,
      'x-ratelimit-limit': '300',
      'x-ratelimit-remaining': '299',
      'x-ratelimit-reset': '60',
      'set-cookie': 'sandbox_session=stub; Path=/; HttpOnly',
      ...extra,
    });
    res.end(status === 204 ? undefined : JSON.stringify(body));
    return requestId;
  };
  const fail = (res: ServerResponse, status: number, type: string, code: string, message: string) =>
    send(res, status, {
      error: { type, code, message, param: null, doc_url: `https://docs.factuarea.com/guides/errors#${code}`, request_id: null },
    });

  function route(req: IncomingMessage, body: string, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://stub');
    // For tests only (the proxy never forwards here): which keys the stub has seen.
    if (url.pathname === '/__stub/keys') return send(res, 200, { keys: [...keysSeen] });
    if (!url.pathname.startsWith('/sandbox/v1/')) return fail(res, 404, 'not_found_error', 'resource_not_found', 'No such path.');
    const auth = req.headers.authorization ?? '';
    const key = /^Bearer (\S+)$/.exec(auth)?.[1] ?? (req.headers['x-api-key'] as string | undefined);
    if (!key) return fail(res, 401, 'authentication_error', 'missing_api_key', 'Falta la clave.');
    if (!/^fact_test_[A-Za-z0-9]{24}$/.test(key)) return fail(res, 401, 'authentication_error', 'invalid_api_key', 'Clave no válida.');
    keysSeen.add(key);
    let company = companies.get(key);
    if (!company) companies.set(key, (company = newCompany()));

    const method = req.method ?? 'GET';
    // Adversarial on purpose: the account echoes the whole key, which the proxy must mask before the browser sees it.
    if (url.pathname === '/sandbox/v1/account' && method === 'GET')
      return send(res, 200, {
        data: { object: 'account', company: { name: 'Sandbox' }, api_key: { prefix: key.slice(0, 14), echoed: key } },
      });
    const [collection, id, ...rest] = url.pathname.slice('/sandbox/v1/'.length).split('/');
    const idemKey = req.headers['idempotency-key'] as string | undefined;
    const hash = createHash('sha256').update(`${method} ${url.pathname} ${body}`).digest('hex');
    if (method !== 'GET' && method !== 'HEAD' && idemKey) {
      const seen = company.idempotency.get(idemKey);
      if (seen) {
        if (seen.hash !== hash) return fail(res, 409, 'idempotency_error', 'idempotency_key_reused', 'Clave de idempotencia reutilizada.');
        return send(res, seen.status, seen.body, { 'idempotent-replayed': 'true' });
      }
    }
    const remember = (status: number, out: unknown) => {
      if (method !== 'GET' && method !== 'HEAD' && idemKey) company.idempotency.set(idemKey, { hash, status, body: out });
      return send(res, status, out);
    };
    const list = company.collections.get(collection) ?? [];
    if (rest.length === 0 && id === undefined) {
      if (method === 'GET') return send(res, 200, { data: [...list].reverse(), has_more: false, next_cursor: null });
      if (method === 'POST') {
        let input: Record<string, unknown>;
        try {
          input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
        } catch {
          return fail(res, 400, 'invalid_request_error', 'parameter_invalid_format', 'JSON no válido.');
        }
        const created: Obj = { ...input, id: randomUUID(), object: collection.replace(/s$/, ''), created: Math.floor(Date.now() / 1000) };
        company.collections.set(collection, [...list, created]);
        return remember(201, { data: created });
      }
    }
    if (id !== undefined && rest.length === 0) {
      const found = list.find((o) => o.id === id);
      if (!found) return fail(res, 404, 'not_found_error', 'resource_not_found', 'No existe.');
      if (method === 'GET' || method === 'HEAD') return send(res, 200, { data: found });
      if (method === 'DELETE') {
        company.collections.set(
          collection,
          list.filter((o) => o.id !== id),
        );
        return remember(200, { data: { id, deleted: true } });
      }
      Object.assign(found, JSON.parse(body || '{}'));
      return remember(200, { data: found });
    }
    return send(res, 200, { data: {} });
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => route(req, Buffer.concat(chunks).toString('utf8'), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    base: `${url}/sandbox/v1`,
    keysSeen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
