/**
 * Reads a request body sent as JSON or as an HTML form (application/x-www-form-urlencoded), with a size cap.
 * Anything else is refused with the status and error the API would give.
 */
import type { ErrorType } from './errors';

export type BodyResult =
  | { ok: true; data: unknown }
  | { ok: false; status: 400 | 413 | 415; error: { type: ErrorType; code: string; message: string; param: string | null } };

export async function readBody(request: Request, { maxBytes = 32 * 1024 } = {}): Promise<BodyResult> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const json = type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
  const form = type === 'application/x-www-form-urlencoded';
  if (!json && !form)
    return {
      ok: false,
      status: 415,
      error: {
        type: 'invalid_request_error',
        code: 'unsupported_media_type',
        message: `Send the body as application/json or application/x-www-form-urlencoded${type ? `, not ${type}` : ''}.`,
        param: 'Content-Type',
      },
    };
  const tooLarge = {
    ok: false,
    status: 413,
    error: { type: 'invalid_request_error', code: 'body_too_large', message: `The body can have at most ${maxBytes} bytes.`, param: null },
  } as const;
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return tooLarge;
  const raw = await request.text();
  if (Buffer.byteLength(raw) > maxBytes) return tooLarge;
  if (form) return { ok: true, data: Object.fromEntries(new URLSearchParams(raw)) };
  try {
    return { ok: true, data: JSON.parse(raw) as unknown };
  } catch (e) {
    return {
      ok: false,
      status: 400,
      error: {
        type: 'invalid_request_error',
        code: 'body_invalid_json',
        message: `The body is not valid JSON: ${(e as Error).message}`,
        param: null,
      },
    };
  }
}
