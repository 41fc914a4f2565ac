/** POST /admin/logout: ends the admin session. */
import { NextResponse } from 'next/server';
import { adminToken, sessionCookie } from '@/lib/admin/auth';

export function POST() {
  if (!adminToken()) return new Response('Not found', { status: 404 });
  const res = new NextResponse(null, { status: 303, headers: { Location: '/admin/beta-requests' } });
  res.cookies.set(sessionCookie('', { maxAge: 0 }));
  return res;
}
