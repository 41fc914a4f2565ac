/**
 * The content source: guides from content/ and the API reference's virtual pages from the OpenAPI
 * document, served at the real site's URLs (no /docs prefix).
 */
import { docs } from 'collections/server';
import { loader } from 'fumadocs-core/source';
import { openapiDocument } from './openapi/document';
import { referenceMeta } from './openapi/navigation';
import { openapi } from './openapi/server';

const reference = await openapi.staticSource({ baseDir: 'api-reference', groupBy: 'tag' });
reference.files.push(...(referenceMeta(openapiDocument()) as never[]));

export const source = loader({ docs: docs.toFumadocsSource(), openapi: reference }, { baseUrl: '/', plugins: [openapi.loaderPlugin()] });

type AnyPage = ReturnType<typeof source.getPages>[number];
export type GuidePage = Extract<AnyPage, { type: 'docs' }>;
export type ReferencePage = Extract<AnyPage, { type: 'openapi' }>;

export const guidePages = () => source.getPages().filter((p): p is GuidePage => p.type === 'docs');
export const referencePages = () => source.getPages().filter((p): p is ReferencePage => p.type === 'openapi');

export function guidePage(slug: string[]): GuidePage | undefined {
  const page = source.getPage(slug);
  return page?.type === 'docs' ? page : undefined;
}
export function referencePage(slug: string[]): ReferencePage | undefined {
  const page = source.getPage(slug);
  return page?.type === 'openapi' ? page : undefined;
}
