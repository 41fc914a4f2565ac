/** GET /api/health: 200 when the database (and Redis, if configured) answer, 503 otherwise. */
import { health } from '@/lib/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const report = await health();
  return Response.json(report, { status: report.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
