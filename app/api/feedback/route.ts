/**
 * POST /api/feedback: stores a "Was this helpful?" answer. JSON from the page's island answers 201 JSON;
 * a plain form post (no JavaScript) is redirected to the thank-you page.
 */
import { ulid } from 'ulid';
import { db, isUnavailable } from '@/lib/db';
import { failureResponse } from '@/lib/http/errors';
import { log } from '@/lib/log';
import { feedbackSchema, saveFeedback } from '@/lib/feedback';

export const dynamic = 'force-dynamic';

function requestId() {
  return `req_${ulid()}`;
}

function error(status: number, code: string, message: string, param: string | null = null) {
  const type = status >= 500 ? 'api_error' : 'invalid_request_error';
  return Response.json({ error: { type, code, message, param, doc_url: null, request_id: requestId() } }, { status });
}

export async function POST(req: Request) {
  const contentType = req.headers.get('content-type') ?? '';
  const isForm = contentType.includes('application/x-www-form-urlencoded') || contentType.includes('multipart/form-data');
  let input: unknown;
  try {
    input = isForm ? Object.fromEntries((await req.formData()).entries()) : await req.json();
  } catch {
    return error(400, 'parameter_invalid_format', 'The body must be JSON or a form.');
  }
  const parsed = feedbackSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return error(422, 'parameter_invalid', issue?.message ?? 'Invalid feedback.', issue?.path.join('.') || null);
  }
  try {
    await saveFeedback(await db(), parsed.data);
  } catch (e) {
    const unavailable = isUnavailable(e);
    log('error', 'feedback could not be stored', { database_unavailable: unavailable, error: e });
    if (unavailable) return failureResponse(true, 'The feedback', requestId());
    return error(500, 'internal_error', 'The feedback could not be stored. Please try again.');
  }
  // A relative Location keeps the redirect on the origin the reader used (form-action 'self').
  if (isForm)
    return new Response(null, { status: 303, headers: { Location: `/feedback/thanks?page=${encodeURIComponent(parsed.data.page)}` } });
  return Response.json({ ok: true }, { status: 201 });
}
