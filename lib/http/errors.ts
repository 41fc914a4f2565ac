/** The API's error envelope `{ error: { type, code, message, param, doc_url, request_id } }` for our own routes. */
import { monotonicFactory } from 'ulid';
import { siteUrl } from '../site';

export type ErrorType =
  'invalid_request_error' | 'authentication_error' | 'not_found_error' | 'rate_limit_error' | 'api_error' | 'service_unavailable_error';

export interface ApiErrorBody {
  type: ErrorType;
  code: string;
  message: string;
  param: string | null;
  doc_url: string | null;
  request_id: string | null;
}

const ulid = monotonicFactory();

/** `req_` + a ULID, like the API's request ids. */
export function newRequestId(): string {
  return `req_${ulid()}`;
}

const DOCS = siteUrl.replace(/\/$/, '');

export function errorBody(
  e: { type: ErrorType; code: string; message: string; param?: string | null },
  requestId: string,
): { error: ApiErrorBody } {
  return {
    error: {
      type: e.type,
      code: e.code,
      message: e.message,
      param: e.param ?? null,
      doc_url: `${DOCS}/guides/errors#${e.code}`,
      request_id: requestId,
    },
  };
}

export function errorResponse(
  status: number,
  e: { type: ErrorType; code: string; message: string; param?: string | null },
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  return Response.json(errorBody(e, requestId), {
    status,
    headers: { 'X-Request-Id': requestId, 'Cache-Control': 'no-store', ...headers },
  });
}

/** Seconds a client is told to wait (Retry-After) when the database cannot be reached. */
export const UNAVAILABLE_RETRY_SECONDS = 5;

/**
 * The answer to a failure: 503 `service_unavailable` with Retry-After while the database cannot be reached
 * (restarting, failing over), 500 `internal_error` for anything else.
 */
export function failureResponse(unavailable: boolean, what: string, requestId: string): Response {
  return unavailable
    ? errorResponse(
        503,
        {
          type: 'service_unavailable_error',
          code: 'service_unavailable',
          message: `${what} could not be stored: the database is not answering right now. Retry in a few seconds.`,
        },
        requestId,
        { 'Retry-After': String(UNAVAILABLE_RETRY_SECONDS) },
      )
    : errorResponse(
        500,
        { type: 'api_error', code: 'internal_error', message: `${what} could not be stored. Retry in a minute.` },
        requestId,
      );
}
