/** POST /admin/logout: ends the admin session. */
import { NextResponse, type NextRequest } from 'next/server';
import { adminToken, sessionCookie } from '@/lib/admin/auth';

export function POST(request: NextRequest) {
  if (!adminToken()) return new Response('Not found', { status: 404 });
  const res = NextResponse.redirect(new URL('/admin/beta-requests', request.url), 303);
  res.cookies.set(sessionCookie('', { maxAge: 0 }));
  return res;
}
