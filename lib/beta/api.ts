/** The HTTP answers of POST /api/beta-access: 201 for a new request, 200 for an existing one, the error envelope otherwise. */
import { errorBody, errorResponse } from '../http/errors';
import { copies } from './copy';
import { describeError } from './describe';
import type { Lang } from './fields';
import type { SubmitOutcome } from './service';

export function outcomeResponse(outcome: SubmitOutcome, requestId: string, lang: Lang): Response {
  const copy = copies[lang];
  const headers = { 'X-Request-Id': requestId, 'Cache-Control': 'no-store' };
  switch (outcome.kind) {
    case 'rate_limited':
      return errorResponse(
        429,
        {
          type: 'rate_limit_error',
          code: 'rate_limit_exceeded',
          message: copy.form.rateLimited.replace('{seconds}', String(outcome.retryAfter)),
        },
        requestId,
        { 'Retry-After': String(outcome.retryAfter) },
      );
    case 'invalid': {
      const all = outcome.errors.map((e) => ({ param: e.param, code: e.code, message: describeError(copy, e) }));
      const first = all[0];
      // The envelope names the first field; `errors` lists every field that needs a change.
      const body = errorBody({ type: 'invalid_request_error', ...first }, requestId);
      return Response.json({ error: { ...body.error, errors: all } }, { status: 422, headers });
    }
    case 'created':
      return Response.json(
        { data: { reference: outcome.request.reference, status: outcome.request.status } },
        { status: 201, headers: { ...headers, Location: `/beta-access/status?ref=${outcome.request.reference}` } },
      );
    case 'existing':
      return Response.json(
        {
          data: { reference: outcome.request.reference, status: outcome.request.status, duplicate: true },
          message: copy.result.existingBody,
        },
        { status: 200, headers },
      );
  }
}
