/** The content source: guides and pages from content/, served at the real site's URLs (no /docs prefix). */
import { docs } from 'collections/server';
import { loader } from 'fumadocs-core/source';

export const source = loader({
  baseUrl: '/',
  source: docs.toFumadocsSource(),
});
