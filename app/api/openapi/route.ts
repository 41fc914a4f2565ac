/** Serves the bundled OpenAPI 3.1 document. */
import { openapiDocument } from '@/lib/openapi/document';

export const dynamic = 'force-static';

export function GET() {
  return Response.json(openapiDocument(), {
    headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=300' },
  });
}
