/** The try-it console's proxy: `/api/proxy?url=<absolute upstream URL>` (the fumadocs-openapi playground's protocol). Policy in lib/proxy. */
import { handleProxy } from '@/lib/proxy';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export {
  handleProxy as GET,
  handleProxy as HEAD,
  handleProxy as POST,
  handleProxy as PUT,
  handleProxy as PATCH,
  handleProxy as DELETE,
  handleProxy as OPTIONS,
};
