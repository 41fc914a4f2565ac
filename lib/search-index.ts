/**
 * What ⌘K search indexes: guides with their headings and text, and every operation by summary,
 * method + path ("POST /invoices"), operationId and description.
 */
import type { AdvancedIndex } from 'fumadocs-core/search/server';
import { openapiDocument } from './openapi/document';
import { findOperation } from './openapi/reference';
import { source } from './source';

type AnyPage = ReturnType<typeof source.getPages>[number];

export function searchIndex(page: AnyPage): AdvancedIndex {
  if (page.type === 'openapi') {
    const op = findOperation(openapiDocument(), page.slugs.slice(1));
    if (op) {
      const route = `${op.method.toUpperCase()} ${op.path}`;
      return {
        id: page.url,
        url: page.url,
        title: op.summary,
        description: route,
        breadcrumbs: ['API reference', op.tag],
        structuredData: {
          headings: [],
          contents: [
            { heading: undefined, content: `${route} · ${op.operationId}` },
            { heading: undefined, content: op.description },
          ],
        },
      };
    }
  }
  const data = page.data as { title?: string; description?: string; structuredData?: AdvancedIndex['structuredData'] };
  return {
    id: page.url,
    url: page.url,
    title: data.title ?? page.url,
    description: data.description,
    structuredData: data.structuredData ?? { headings: [], contents: [] },
  };
}
