/**
 * POST /api/admin/beta-requests/{reference}: sets the status (`approved`, `declined` or `pending`), from JSON
 * or from the admin page's buttons (a form post, answered with a redirect back to the list).
 */
import type { NextRequest } from 'next/server';
import { guardAdminRoute } from '@/lib/admin/http';
import { parseStatus } from '@/lib/beta/fields';
import { parseReference } from '@/lib/beta/reference';
import { setStatus } from '@/lib/beta/store';
import { db } from '@/lib/db';
import { readBody } from '@/lib/http/body';
import { errorResponse, newRequestId } from '@/lib/http/errors';

export async function POST(request: NextRequest, { params }: { params: Promise<{ reference: string }> }) {
  const denied = guardAdminRoute(request);
  if (denied) return denied;
  const requestId = newRequestId();
  const fromForm = request.headers.get('content-type')?.startsWith('application/x-www-form-urlencoded');
  const body = await readBody(request);
  if (!body.ok) return errorResponse(body.status, body.error, requestId);
  const fields = (typeof body.data === 'object' && body.data !== null ? body.data : {}) as Record<string, unknown>;
  const status = parseStatus(fields.status);
  if (!status)
    return errorResponse(
      422,
      {
        type: 'invalid_request_error',
        code: 'parameter_invalid',
        message: 'status must be approved, declined or pending.',
        param: 'status',
      },
      requestId,
    );
  const reference = parseReference((await params).reference);
  const updated = reference ? await setStatus(await db(), reference, status) : undefined;
  if (!updated)
    return errorResponse(
      404,
      { type: 'not_found_error', code: 'resource_not_found', message: 'No request has this reference.', param: 'reference' },
      requestId,
    );
  if (fromForm) {
    const back = parseStatus(fields.filter);
    return new Response(null, {
      status: 303,
      headers: { Location: `/admin/beta-requests${back ? `?status=${back}` : ''}#${updated.reference}` },
    });
  }
  return Response.json({ data: updated }, { headers: { 'Cache-Control': 'no-store' } });
}
