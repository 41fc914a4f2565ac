/**
 * A stand-in for `@factuarea/sdk`, built from the OpenAPI document, so the guides' TypeScript snippets run
 * against the sandbox: `factuarea.<namespace>.<method>(...pathParams, bodyOrQuery?, { idempotencyKey }?)` as
 * the SDK's naming contract derives it from each operationId. An unknown method fails the snippet, like a
 * typo would against the real SDK. Lists return an async-iterable page that follows the cursors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '../../lib/openapi/bundle';
import { isPaginatedList, isWrite, listOperations, type Operation } from '../../lib/openapi/operations';
import { sdkMethodPath } from '../../lib/openapi/samples';

const doc = JSON.parse(
  readFileSync(join(process.env.FACTUAREA_REPO_ROOT ?? process.cwd(), 'openapi/dist/openapi.json'), 'utf8'),
) as JsonObject;
const operations = new Map<string, Operation>(listOperations(doc).map((op) => [sdkMethodPath(op.operationId), op]));

type Query = Record<string, unknown>;
interface RequestConfig {
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

export class FactuareaError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly type?: string,
    readonly code?: string,
    readonly requestId?: string,
  ) {
    super(message);
  }
}

export class ValidationError extends FactuareaError {}
export class AuthenticationError extends FactuareaError {}
export class PermissionError extends FactuareaError {}
export class NotFoundError extends FactuareaError {}
export class ConflictError extends FactuareaError {}
export class RateLimitError extends FactuareaError {}
export class ServerError extends FactuareaError {}

function errorClass(status: number) {
  if (status === 400 || status === 422) return ValidationError;
  if (status === 401) return AuthenticationError;
  if (status === 403) return PermissionError;
  if (status === 404) return NotFoundError;
  if (status === 409) return ConflictError;
  if (status === 429) return RateLimitError;
  if (status >= 500) return ServerError;
  return FactuareaError;
}

function flatten(query: Query | undefined): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'object' && !Array.isArray(v))
      for (const [sk, sv] of Object.entries(v as Query)) out.push([`${k}[${sk}]`, String(sv)]);
    else out.push([k, Array.isArray(v) ? v.join(',') : String(v)]);
  }
  return out;
}

export class Factuarea {
  readonly apiKey: string;
  readonly baseUrl: string;

  constructor(options: { apiKey: string; baseUrl?: string; maxRetries?: number }) {
    if (!options.apiKey) throw new Error('Factuarea: apiKey is required');
    this.apiKey = options.apiKey;
    this.baseUrl = (options.baseUrl ?? 'https://api.factuarea.com/v1').replace(/\/$/, '');
    return new Proxy(this, { get: (target, prop) => (prop in target ? Reflect.get(target, prop) : target.namespace([String(prop)])) });
  }

  get environment(): 'test' | 'live' {
    return this.apiKey.startsWith('fact_live_') ? 'live' : 'test';
  }

  private namespace(segments: string[]): unknown {
    const call = (...args: unknown[]) => this.call(segments.join('.'), args);
    return new Proxy(call, {
      get: (_t, prop) => (typeof prop === 'string' && prop !== 'then' ? this.namespace([...segments, prop]) : undefined),
    });
  }

  async request(method: string, path: string, query: [string, string][], body: unknown, config: RequestConfig = {}): Promise<unknown> {
    const qs = query.length ? `?${new URLSearchParams(query)}` : '';
    const headers: Record<string, string> = { Authorization: `Bearer ${this.apiKey}`, Accept: 'application/json', ...config.headers };
    if (isWrite(method.toLowerCase() as Operation['method'])) headers['Idempotency-Key'] = config.idempotencyKey ?? crypto.randomUUID();
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}${qs}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = res.headers.get('content-type') ?? '';
    if (res.ok && type && !type.includes('json')) {
      // Files (PDF, ZIP, FacturaE XML) come back as a binary response, like the SDK's BinaryResponse.
      const bytes = Buffer.from(await res.arrayBuffer());
      return { contentType: type, headers: res.headers, toBuffer: async () => bytes, toBlob: async () => new Blob([bytes], { type }) };
    }
    const text = await res.text();
    const json = text
      ? (JSON.parse(text) as { error?: { type?: string; code?: string; message?: string; request_id?: string } })
      : undefined;
    if (!res.ok) {
      const e = json?.error;
      throw new (errorClass(res.status))(
        `${method} ${path} → ${res.status} ${e?.code ?? ''}: ${e?.message ?? text}`,
        res.status,
        e?.type,
        e?.code,
        e?.request_id,
      );
    }
    return json;
  }

  private async call(methodPath: string, args: unknown[]): Promise<unknown> {
    const op = operations.get(methodPath);
    if (!op) throw new Error(`@factuarea/sdk has no method factuarea.${methodPath}()`);
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const rest = [...args];
    let path = op.path;
    for (const p of pathParams) {
      const v = rest.shift();
      if (typeof v !== 'string' && typeof v !== 'number')
        throw new Error(`factuarea.${methodPath}(): path parameter ${p.name} must come first`);
      path = path.replace(`{${p.name}}`, encodeURIComponent(String(v)));
    }
    const write = isWrite(op.method);
    const payload = rest.shift() as Query | undefined;
    const config = rest.shift() as RequestConfig | undefined;
    const body = write && op.requestBody ? payload : undefined;
    const query = write ? [] : flatten(payload);
    if (isPaginatedList(doc, op)) return this.page(op.method.toUpperCase(), path, query, config);
    return this.request(op.method.toUpperCase(), path, query, body, write && !op.requestBody ? (payload as RequestConfig) : config);
  }

  private async page(method: string, path: string, query: [string, string][], config?: RequestConfig) {
    const first = (await this.request(method, path, query, undefined, config)) as {
      data: { id: string }[];
      has_more: boolean;
      next_cursor: string | null;
    };
    const fetchPage = (q: [string, string][]) => this.request(method, path, q, undefined, config) as Promise<typeof first>;
    return {
      data: first.data,
      hasMore: first.has_more,
      nextCursor: first.next_cursor,
      async *[Symbol.asyncIterator]() {
        let page = first;
        for (;;) {
          yield* page.data;
          if (!page.has_more || !page.next_cursor) return;
          const next = [...query.filter(([k]) => k !== 'starting_after'), ['starting_after', page.next_cursor] as [string, string]];
          page = await fetchPage(next);
        }
      },
    };
  }
}

export default Factuarea;
