/** ⌘K search over the guides and every operation of the API reference. */
import { createFromSource } from 'fumadocs-core/search/server';
import { searchIndex } from '@/lib/search-index';
import { source } from '@/lib/source';

export const { GET } = createFromSource(source, { language: 'english', buildIndex: searchIndex });
