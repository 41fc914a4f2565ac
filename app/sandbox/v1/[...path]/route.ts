/** The embedded sandbox of the API at /sandbox/v1/… (same paths as https://api.factuarea.com/v1). */
import { sandboxHandler } from '@/lib/sandbox/handler';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const handle = (req: Request) => sandboxHandler()(req);

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
