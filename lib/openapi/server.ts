/**
 * The fumadocs-openapi server over our bundled document: it turns every operation into a virtual page
 * at /api-reference/<tag-slug>/<operationId>, with method badges in the sidebar.
 */
import { createOpenAPI } from 'fumadocs-openapi/server';
import type { Document } from 'fumadocs-openapi';
import { openapiDocument } from './document';

export const openapi = createOpenAPI({
  // fumadocs-openapi mutates the document it loads (it drops x-tagGroups): give it its own copy.
  input: { factuarea: () => structuredClone(openapiDocument()) as unknown as Document },
  proxyUrl: '/api/proxy',
});
