/** The admin routes' common answers: 404 while the admin area is off, 401 without valid credentials. */
import { errorResponse, newRequestId } from '../http/errors';
import { adminAccess, ADMIN_COOKIE } from './auth';

/** Undefined when the request may go on; otherwise the response to send. */
export function guardAdminRoute(
  request: Request & { cookies: { get(name: string): { value: string } | undefined } },
): Response | undefined {
  const access = adminAccess({ authorization: request.headers.get('authorization'), cookie: request.cookies.get(ADMIN_COOKIE)?.value });
  if (access === 'ok') return undefined;
  const requestId = newRequestId();
  if (access === 'off')
    return errorResponse(404, { type: 'not_found_error', code: 'resource_not_found', message: 'Not found.' }, requestId);
  return errorResponse(
    401,
    { type: 'authentication_error', code: 'missing_api_key', message: 'Send the admin token as Authorization: Bearer <token>.' },
    requestId,
    { 'WWW-Authenticate': 'Bearer' },
  );
}
