/**
 * The sandbox as one function from a `Request` to a `Response`, in the order the real API checks things:
 * key, idempotent replay, rate limit (per minute, then the monthly quota), route (404/405),
 * `Factuarea-Version`, scope, validation against the document, idempotency claim, then the handler —
 * writes in one transaction, serialised per company.
 * Every response carries `X-Request-Id`, `Factuarea-Version` and, once the key is known, `X-RateLimit-*`.
 */
import { ulid } from 'ulid';
import { v7 as uuidv7 } from 'uuid';
import { type Database, type Queryable, db as defaultDb } from '../db';
import { log } from '../log';
import type { Json } from '../openapi/bundle';
import { type Operation, isWrite } from '../openapi/operations';
import { requireTestKey } from './auth';
import { type Principal, housekeeping, resolveKey } from './companies';
import type { Ctx, Result } from './context';
import { ApiError, describedCodes, errorEnvelope, fitToOperation } from './errors';
import { recordEvent, trimEvents } from './events';
import { type StoredResponse, claim, complete, fingerprint, lookup, release, waitForResponse } from './idempotency';
import { countRequest } from './quota';
import { type RateLimiter, rateLimiter } from './ratelimit';
import { findHandler } from './resources';
import { type SandboxSpec, sandboxSpec } from './spec';
import { Store } from './store';
import { type BodyInput, validateRequest } from './validate';
import { splitOperationId } from './kinds';

export interface SandboxOptions {
  database?: () => Promise<Database>;
  limiter?: RateLimiter;
  spec?: SandboxSpec;
  /** Where the API root is mounted; requests outside it get 404. */
  basePath?: string;
  now?: () => Date;
}

export const BASE_PATH = '/sandbox/v1';
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const BINARY_MARK = 'x-sandbox-base64';
const HOUSEKEEPING_EVERY_MS = 10 * 60 * 1000;

const validDate = (v: string) =>
  DATE_RE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

async function readBody(req: Request): Promise<{ raw: string; input: BodyInput }> {
  if (req.method === 'GET' || req.method === 'HEAD') return { raw: '', input: { kind: 'none' } };
  const type = req.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const bytes = await req.arrayBuffer();
    const raw = Buffer.from(bytes).toString('base64');
    try {
      const form = await new Response(bytes, { headers: { 'content-type': type } }).formData();
      const value: Record<string, Json> = {};
      for (const [k, v] of form.entries()) value[k] = typeof v === 'string' ? v : `(file ${v.name}, ${v.size} bytes)`;
      return { raw, input: { kind: 'form', value } };
    } catch {
      return { raw, input: { kind: 'invalid', reason: 'is not valid multipart/form-data' } };
    }
  }
  const raw = await req.text();
  if (!raw.trim()) return { raw, input: { kind: 'none' } };
  try {
    return { raw, input: { kind: 'json', value: JSON.parse(raw) as Json } };
  } catch {
    return { raw, input: { kind: 'invalid', reason: 'is not valid JSON' } };
  }
}

function render(result: Result, headers: Record<string, string>): StoredResponse {
  const h: Record<string, string> = { ...(result.headers ?? {}) };
  if (result.binary) {
    h['Content-Type'] = result.binary.contentType;
    h[BINARY_MARK] = '1';
    return { status: result.status, headers: h, body: Buffer.from(result.binary.bytes).toString('base64') };
  }
  if (result.status === 204 || result.body === undefined) return { status: result.status, headers: h, body: '' };
  h['Content-Type'] = 'application/json';
  void headers;
  return { status: result.status, headers: h, body: JSON.stringify(result.body) };
}

function toResponse(stored: StoredResponse, headers: Record<string, string>, replayed = false): Response {
  const h = new Headers(headers);
  for (const [k, v] of Object.entries(stored.headers)) if (k !== BINARY_MARK) h.set(k, v);
  if (replayed) h.set('Idempotent-Replayed', 'true');
  const body = stored.status === 204 ? null : stored.headers[BINARY_MARK] ? Buffer.from(stored.body, 'base64') : stored.body;
  return new Response(body, { status: stored.status, headers: h });
}

function rateHeaders(headers: Record<string, string>, r: { limit: number; remaining: number; resetSeconds: number }) {
  headers['X-RateLimit-Limit'] = String(r.limit);
  headers['X-RateLimit-Remaining'] = String(r.remaining);
  headers['X-RateLimit-Reset'] = String(r.resetSeconds);
}

export function createSandbox(options: SandboxOptions = {}): (req: Request) => Promise<Response> {
  const getDb = options.database ?? defaultDb;
  const basePath = options.basePath ?? BASE_PATH;
  const clock = options.now ?? (() => new Date());
  let lastHousekeeping = 0;

  return async function sandbox(req: Request): Promise<Response> {
    const spec = options.spec ?? sandboxSpec();
    const limiter = options.limiter ?? rateLimiter();
    const requestId = `req_${ulid()}`;
    const now = clock();
    const headers: Record<string, string> = { 'X-Request-Id': requestId, 'Factuarea-Version': spec.latestVersion };
    let op: Operation | undefined;
    let database: Database | undefined;
    let principal: Principal | undefined;
    let claimedKey: string | undefined;

    const errorResponse = (err: ApiError): StoredResponse => {
      const { code, status } = fitToOperation(spec, op, err);
      Object.assign(headers, err.options.headers ?? {});
      return { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(errorEnvelope(spec, code, err, requestId)) };
    };

    try {
      const url = new URL(req.url);
      if (!url.pathname.startsWith(basePath)) throw new ApiError('resource_not_found', 'There is no sandbox operation at this path.');
      const path = url.pathname.slice(basePath.length) || '/';
      const method = req.method.toUpperCase();

      const key = requireTestKey(req.headers);
      database = await getDb();
      if (now.getTime() - lastHousekeeping > HOUSEKEEPING_EVERY_MS) {
        lastHousekeeping = now.getTime();
        housekeeping(database, now).catch((error: unknown) => log('error', 'sandbox housekeeping failed', { error }));
      }
      principal = await resolveKey(database, spec, key, now);
      const companyId = principal.companyId;
      const { raw, input } = await readBody(req);

      const idemKey = isWrite(method.toLowerCase() as Operation['method']) ? req.headers.get('idempotency-key') : null;
      if (idemKey !== null && (idemKey.length < 1 || idemKey.length > 64))
        throw new ApiError('invalid_param_format', 'The Idempotency-Key header must be 1 to 64 characters long.', 'Idempotency-Key');
      const fp = idemKey !== null ? fingerprint(method, path, url.search, raw) : '';
      const replay = async (): Promise<Response | undefined> => {
        const rec = await lookup(database!, companyId, idemKey!, now);
        if (!rec) return undefined;
        if (rec.fingerprint !== fp)
          throw new ApiError(
            'idempotency_key_reused',
            'This Idempotency-Key was already used with a different request.',
            'Idempotency-Key',
          );
        const done = rec.response ?? (await waitForResponse(database!, companyId, idemKey!))?.response;
        if (!done)
          throw new ApiError(
            'idempotency_key_in_use',
            'A request with this Idempotency-Key is still running. Retry shortly.',
            'Idempotency-Key',
          );
        rateHeaders(headers, await limiter.peek(principal!.keyHash, principal!.tier));
        return toResponse(done, headers, true);
      };
      if (idemKey !== null) {
        const replayed = await replay();
        if (replayed) return replayed;
      }

      const rate = await limiter.consume(principal.keyHash, principal.tier);
      rateHeaders(headers, rate);
      if (rate.limited)
        throw new ApiError(
          'rate_limit_exceeded',
          `This key's tier allows ${rate.limit} requests per minute. Retry in ${rate.resetSeconds} seconds.`,
          null,
          {
            headers: { 'Retry-After': String(rate.resetSeconds) },
          },
        );
      const month = await countRequest(database, principal.keyHash, principal.tier, now);
      if (month.exhausted)
        throw new ApiError(
          'rate_limit_exceeded',
          `This key's tier allows ${month.limit} requests a month and they are used up. The quota starts again on day 1 at 00:00 Europe/Madrid, in ${month.resetSeconds} seconds.`,
          null,
          {
            headers: {
              'Retry-After': String(month.resetSeconds),
              'X-RateLimit-Remaining': '0',
              'X-RateLimit-Reset': String(month.resetSeconds),
            },
          },
        );

      const match = spec.match(method, path);
      if (match.kind === 'not_found') throw new ApiError('resource_not_found', `There is no operation at ${method} ${path}.`);
      if (match.kind === 'method_not_allowed') {
        // An object's path whose operations describe their own 405 code (`405 series_immutable`) answers with it.
        const own = match.ops
          .filter((o) => o.path.endsWith('}'))
          .flatMap((o) => describedCodes(o.description))
          .find((d) => d.status === 405 && spec.errorCodes[d.code]?.status === 405);
        throw new ApiError(
          own?.code ?? 'method_not_allowed',
          `${method} is not allowed on ${path}. Allowed: ${match.allow.join(', ')}.`,
          null,
          {
            headers: { Allow: match.allow.join(', ') },
          },
        );
      }
      op = match.op;

      const version = req.headers.get('factuarea-version');
      if (version !== null) {
        if (!validDate(version))
          throw new ApiError('parameter_invalid_format', 'Factuarea-Version must be a date written YYYY-MM-DD.', 'Factuarea-Version');
        if (!spec.versions.includes(version))
          throw new ApiError(
            'unsupported_api_version',
            `${version} is not a published API version. Published: ${spec.versions.join(', ')}.`,
            'Factuarea-Version',
          );
        headers['Factuarea-Version'] = version;
      }

      if (op.scope && !principal.scopes.includes('*') && !principal.scopes.includes(op.scope))
        throw new ApiError('insufficient_scope', `This key lacks the ${op.scope} scope that this operation requires.`);

      const valid = validateRequest(spec, op, match.params, url.searchParams, req.headers, input);

      if (idemKey !== null) {
        if (!(await claim(database, companyId, idemKey, fp, now))) {
          const replayed = await replay();
          if (replayed) return replayed;
          throw new ApiError(
            'idempotency_key_in_use',
            'A request with this Idempotency-Key is still running. Retry shortly.',
            'Idempotency-Key',
          );
        }
        claimedKey = idemKey;
      }

      const handler = findHandler(spec, op);
      const { resource, action } = splitOperationId(op.operationId);
      const correlationId = uuidv7();
      const currentOp = op;
      const run = async (q: Queryable): Promise<StoredResponse> => {
        const store = new Store(q, companyId, clock);
        let emitted = 0;
        const ctx: Ctx = {
          spec,
          op: currentOp,
          resource,
          action,
          store,
          principal: principal!,
          req: valid,
          now,
          requestId,
          version: headers['Factuarea-Version'],
          correlationId,
          async emit(type, object, extra) {
            if (await recordEvent(spec, store, { type, object, extra, correlationId, version: ctx.version, now: clock() })) emitted++;
          },
        };
        const result = await handler(ctx);
        if (emitted && Math.random() < 0.05) await trimEvents(store);
        const stored = render(result, headers);
        if (claimedKey) await complete(q, companyId, claimedKey, stored);
        return stored;
      };
      const stored = isWrite(op.method)
        ? await database.transaction(async (tx) => {
            if (database!.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [companyId]);
            return run(tx);
          })
        : await run(database);
      return toResponse(stored, headers);
    } catch (error) {
      if (error instanceof ApiError) {
        const stored = errorResponse(error);
        if (claimedKey && database && principal) await complete(database, principal.companyId, claimedKey, stored).catch(() => {});
        return toResponse(stored, headers);
      }
      if (claimedKey && database && principal) await release(database, principal.companyId, claimedKey).catch(() => {});
      log('error', 'sandbox request failed', { request_id: requestId, method: req.method, error });
      const stored = errorResponse(
        new ApiError('internal_error', 'The sandbox failed unexpectedly. Quote the request id if you report it.'),
      );
      return toResponse(stored, headers);
    }
  };
}

const KEY = Symbol.for('factuarea.sandbox.handler');
type Holder = typeof globalThis & { [KEY]?: (req: Request) => Promise<Response> };

/** The process-wide sandbox over the shared database (`db()`) and rate limiter. */
export function sandboxHandler(): (req: Request) => Promise<Response> {
  const g = globalThis as Holder;
  g[KEY] ??= createSandbox();
  return g[KEY];
}
