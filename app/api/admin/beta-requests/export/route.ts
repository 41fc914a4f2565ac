/** GET /api/admin/beta-requests/export?status=…: the queue as a CSV download (admin token or session). */
import type { NextRequest } from 'next/server';
import { guardAdminRoute } from '@/lib/admin/http';
import { requestsCsv } from '@/lib/beta/csv';
import { parseStatus } from '@/lib/beta/fields';
import { listRequests } from '@/lib/beta/store';
import { db } from '@/lib/db';

export async function GET(request: NextRequest) {
  const denied = guardAdminRoute(request);
  if (denied) return denied;
  const status = parseStatus(request.nextUrl.searchParams.get('status'));
  const rows = await listRequests(await db(), { status, limit: 100_000 });
  return new Response(requestsCsv(rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="beta-requests${status ? `-${status}` : ''}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
