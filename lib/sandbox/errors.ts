/**
 * Errors in the API's envelope. A handler throws `ApiError(code, message, param)`; the type and status come
 * from the document's `x-error-codes` catalogue, and `fitToOperation` maps a code onto a status the operation
 * actually declares when the catalogue's status is not among them (a refused state change on an operation
 * that only documents `409`, for example).
 */
import type { Operation } from '../openapi/operations';
import type { SandboxSpec } from './spec';

export const DOC_URL = 'https://docs.factuarea.com/guides/errors#';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly param: string | null = null,
    readonly options: { subcode?: string; headers?: Record<string, string>; status?: number; type?: string } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ErrorEnvelope {
  error: {
    type: string;
    code: string;
    subcode?: string;
    message: string;
    param: string | null;
    doc_url: string;
    request_id: string;
  };
}

/** Codes whose meaning survives on a `409` when an operation documents no `422`, and the reverse. */
const STATE_CODES_422 = new Set(['invalid_status_transition', 'business_rule_violation', 'invoice_already_paid', 'quote_already_accepted']);

/** The code and status to answer with on this operation (undefined op: no operation matched the path). */
export function fitToOperation(spec: SandboxSpec, op: Operation | undefined, err: ApiError): { code: string; status: number } {
  const info =
    spec.errorCodes[err.code] ??
    (err.options.type && err.options.status ? { type: err.options.type, status: err.options.status } : undefined);
  if (!info) throw new Error(`error code ${err.code} is not in the document's x-error-codes catalogue`);
  const status = err.options.status ?? info.status;
  if (!op) return { code: err.code, status };
  const declared = new Set(op.responses.map((r) => r.status));
  if (declared.has(String(status))) return { code: err.code, status };
  if (STATE_CODES_422.has(err.code) && declared.has('409')) return { code: 'resource_conflict', status: 409 };
  if (err.code === 'resource_conflict' && declared.has('422')) return { code: 'invalid_status_transition', status: 422 };
  // invalid_request_error answers with 400 or 422: use the one the operation documents.
  if (info.type === 'invalid_request_error' && status === 422 && declared.has('400')) return { code: err.code, status: 400 };
  // The operation's description promises a status its responses do not list (reported as a document gap).
  return { code: err.code, status };
}

export function errorEnvelope(spec: SandboxSpec, code: string, err: ApiError, requestId: string): ErrorEnvelope {
  const type = spec.errorCodes[code]?.type ?? err.options.type ?? 'api_error';
  return {
    error: {
      type,
      code,
      ...(err.options.subcode ? { subcode: err.options.subcode } : {}),
      message: err.message,
      param: err.param,
      doc_url: DOC_URL + code,
      request_id: requestId,
    },
  };
}

/** Shorthands for the errors every resource raises. */
export const notFound = (what: string, param: string | null = null) =>
  new ApiError('resource_not_found', `No ${what} with that id exists in this sandbox company.`, param);

export const badTransition = (what: string, status: string, action: string) =>
  new ApiError('invalid_status_transition', `You can't ${action} a ${what} whose status is "${status}".`);
