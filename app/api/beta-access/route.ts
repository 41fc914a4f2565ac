/** POST /api/beta-access: a beta-access request as JSON or as a form post (see lib/beta). */
import { log } from '@/lib/log';
import { outcomeResponse } from '@/lib/beta/api';
import { langFromHeader } from '@/lib/beta/copy';
import { submitBetaRequest } from '@/lib/beta/service';
import { readBody } from '@/lib/http/body';
import { clientIp } from '@/lib/http/client-ip';
import { errorResponse, failureResponse, newRequestId } from '@/lib/http/errors';
import { isUnavailable } from '@/lib/db';

export async function POST(request: Request) {
  const requestId = newRequestId();
  const body = await readBody(request);
  if (!body.ok) return errorResponse(body.status, body.error, requestId);
  const lang = langFromHeader(request.headers.get('accept-language'));
  try {
    const outcome = await submitBetaRequest(body.data, { ip: clientIp(request.headers) });
    return outcomeResponse(outcome, requestId, lang);
  } catch (error) {
    const unavailable = isUnavailable(error);
    log('error', 'beta-access submission failed', { request_id: requestId, database_unavailable: unavailable, error });
    return failureResponse(unavailable, 'The request', requestId);
  }
}
