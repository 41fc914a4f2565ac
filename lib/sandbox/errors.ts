/**
 * Errors in the API's envelope. A handler throws `ApiError(code, message, param)`; the type and status come
 * from the document's `x-error-codes` catalogue, which must list every code the sandbox answers with.
 * `fitToOperation` then reads the operation itself: the status its description gives the code
 * ("`409 invalid_status_transition`"), the specific code it names for a 404 (`invoice_not_found`), and a
 * status it actually declares when the catalogue's is not among its responses.
 */
import type { Operation } from '../openapi/operations';
import type { SandboxSpec } from './spec';

export const DOC_URL = 'https://docs.factuarea.com/guides/errors#';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly param: string | null = null,
    readonly options: { subcode?: string; headers?: Record<string, string>; status?: number } = {},
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

/** `(status, code)` pairs a text names: "`409 invalid_status_transition`", "422 `quote_expired`", "`405` with code `series_immutable`". */
export function describedCodes(text: string): { status: number; code: string }[] {
  return [...text.matchAll(/\b([1-5]\d\d)\b`?\s*(?:with (?:the )?code\s*)?`?([a-z]+(?:_[a-z0-9]+)+)`/g)].map((m) => ({
    status: Number(m[1]),
    code: m[2],
  }));
}

const describedCache = new WeakMap<Operation, { status: number; code: string }[]>();
const described = (op: Operation) => {
  let d = describedCache.get(op);
  if (!d) describedCache.set(op, (d = describedCodes(op.description)));
  return d;
};

/** The code and status to answer with on this operation (undefined op: no operation matched the path). */
export function fitToOperation(spec: SandboxSpec, op: Operation | undefined, err: ApiError): { code: string; status: number } {
  let code = err.code;
  const info = spec.errorCodes[code];
  if (!info) throw new Error(`error code ${code} is not in the document's x-error-codes catalogue`);
  if (!op) return { code, status: err.options.status ?? info.status };
  // A 404 the operation describes with a code of its own (`404 delivery_note_not_found`).
  if (code === 'resource_not_found') {
    const specific = described(op).find((d) => d.status === 404 && spec.errorCodes[d.code]?.status === 404);
    if (specific) code = specific.code;
  }
  const status = err.options.status ?? described(op).find((d) => d.code === code)?.status ?? info.status;
  const declared = new Set(op.responses.map((r) => r.status));
  if (declared.has(String(status))) return { code, status };
  if (STATE_CODES_422.has(code) && declared.has('409')) return { code: 'resource_conflict', status: 409 };
  if (code === 'resource_conflict' && declared.has('422')) return { code: 'invalid_status_transition', status: 422 };
  // invalid_request_error answers with 400 or 422: use the one the operation documents.
  if (info.type === 'invalid_request_error' && status === 422 && declared.has('400')) return { code, status: 400 };
  return { code, status };
}

export function errorEnvelope(spec: SandboxSpec, code: string, err: ApiError, requestId: string): ErrorEnvelope {
  const info = spec.errorCodes[code];
  if (!info) throw new Error(`error code ${code} is not in the document's x-error-codes catalogue`);
  return {
    error: {
      type: info.type,
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
