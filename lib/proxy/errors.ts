/**
 * Errors the proxy answers itself, in the API's envelope `{ error: { type, code, message, param, doc_url, request_id } }`.
 * Messages are written for the reader of the console and never contain a key, a header value or a body.
 */
import { ulid } from 'ulid';

export type ErrorType =
  'invalid_request_error' | 'authentication_error' | 'authorization_error' | 'rate_limit_error' | 'api_error' | 'service_unavailable_error';

/** The codes the proxy itself can answer with (the API's own codes come back from the upstream untouched). */
export const PROXY_ERRORS = {
  method_not_allowed: { status: 405, type: 'invalid_request_error' },
  proxy_url_invalid: { status: 400, type: 'invalid_request_error' },
  header_invalid: { status: 400, type: 'invalid_request_error' },
  cross_site_request: { status: 403, type: 'authorization_error' },
  proxy_target_not_allowed: { status: 403, type: 'authorization_error' },
  operation_not_allowed: { status: 403, type: 'authorization_error' },
  live_key_refused: { status: 403, type: 'authorization_error' },
  missing_api_key: { status: 401, type: 'authentication_error' },
  invalid_api_key: { status: 401, type: 'authentication_error' },
  request_too_large: { status: 413, type: 'invalid_request_error' },
  request_timeout: { status: 408, type: 'invalid_request_error' },
  rate_limit_exceeded: { status: 429, type: 'rate_limit_error' },
  upstream_redirect: { status: 502, type: 'api_error' },
  upstream_response_too_large: { status: 502, type: 'api_error' },
  upstream_unavailable: { status: 502, type: 'service_unavailable_error' },
  upstream_timeout: { status: 504, type: 'service_unavailable_error' },
} as const satisfies Record<string, { status: number; type: ErrorType }>;

export type ProxyErrorCode = keyof typeof PROXY_ERRORS;

/** Codes that the API documents too: their doc_url points at the errors guide. */
const DOCUMENTED = new Set<ProxyErrorCode>(['missing_api_key', 'invalid_api_key', 'rate_limit_exceeded']);

/** Response header naming the code of an error the proxy answered itself (the console tells them apart from the API's). */
export const PROXY_ERROR_HEADER = 'X-Proxy-Error';

export const newRequestId = () => `req_${ulid()}`;

export interface ErrorOptions {
  param?: string | null;
  siteUrl?: string;
  headers?: Record<string, string>;
}

export function proxyError(code: ProxyErrorCode, message: string, options: ErrorOptions = {}): Response {
  const { status, type } = PROXY_ERRORS[code];
  const requestId = newRequestId();
  const site = (options.siteUrl ?? '').replace(/\/$/, '');
  const docUrl = DOCUMENTED.has(code) ? `${site}/guides/errors#${code}` : code === 'live_key_refused' ? `${site}/guides/test-mode` : null;
  const body = { error: { type, code, message, param: options.param ?? null, doc_url: docUrl, request_id: requestId } };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Request-Id': requestId,
      [PROXY_ERROR_HEADER]: code,
      ...options.headers,
    },
  });
}
