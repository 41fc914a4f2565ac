/** POST /admin/session: the login form of the admin page; a right token sets the session cookie (an HMAC, not the token). */
import { NextResponse, type NextRequest } from 'next/server';
import { adminToken, safeEqual, sessionCookie, sessionValue } from '@/lib/admin/auth';
import { clientIp } from '@/lib/http/client-ip';
import { createRateLimit } from '@/lib/rate-limit';

const attempts = createRateLimit({ name: 'admin-login', points: 10, duration: 15 * 60, redisUrl: process.env.REDIS_URL || undefined });

export async function POST(request: NextRequest) {
  const token = adminToken();
  if (!token) return new Response('Not found', { status: 404 });
  // A relative Location: behind a proxy, request.url does not carry the host the browser used.
  const back = (query: string) => new NextResponse(null, { status: 303, headers: { Location: `/admin/beta-requests${query}` } });
  if (!(await attempts.consume(clientIp(request.headers))).ok) return back('?login=limited');
  const form = await request.formData().catch(() => undefined);
  const given = form?.get('token');
  if (typeof given !== 'string' || !safeEqual(given.trim(), token)) return back('?login=failed');
  const res = back('');
  res.cookies.set(sessionCookie(sessionValue(token)));
  return res;
}
