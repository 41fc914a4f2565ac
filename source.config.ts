import { defineConfig, defineDocs } from 'fumadocs-mdx/config';
import lastModified from 'fumadocs-mdx/plugins/last-modified';

/** The guides and content pages: MDX under content/, navigation from meta.json files. */
export const docs = defineDocs({
  dir: 'content',
  docs: { postprocess: { includeProcessedMarkdown: true } },
});

export default defineConfig({
  plugins: [lastModified()],
  mdxOptions: {
    rehypeCodeOptions: { themes: { light: 'github-light', dark: 'github-dark' } },
  },
});
