/** ⌘K search over the guides (and, once generated, the API reference). */
import { createFromSource } from 'fumadocs-core/search/server';
import { source } from '@/lib/source';

export const { GET } = createFromSource(source, { language: 'english' });
