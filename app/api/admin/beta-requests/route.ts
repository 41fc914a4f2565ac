/** GET /api/admin/beta-requests?status=…: the queue as JSON, with counts per status (admin token or session). */
import type { NextRequest } from 'next/server';
import { guardAdminRoute } from '@/lib/admin/http';
import { parseStatus } from '@/lib/beta/fields';
import { countRequests, listRequests } from '@/lib/beta/store';
import { db } from '@/lib/db';

export async function GET(request: NextRequest) {
  const denied = guardAdminRoute(request);
  if (denied) return denied;
  const database = await db();
  const status = parseStatus(request.nextUrl.searchParams.get('status'));
  const [data, counts] = await Promise.all([listRequests(database, { status }), countRequests(database)]);
  return Response.json({ data, counts }, { headers: { 'Cache-Control': 'no-store' } });
}
