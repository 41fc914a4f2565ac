import { createMDX } from 'fumadocs-mdx/next';
import { securityHeaders } from './lib/security-headers.mjs';

const withMDX = createMDX();

/** @type {import('next').NextConfig} */
const config = {
  reactStrictMode: true,
  // The bench builds a synthetic 1,000-operation site beside the real one.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // The bundled document is read at run time (lib/openapi/document.ts); local builds and data never ship.
  outputFileTracingIncludes: { '/**': ['openapi/dist/openapi.json'] },
  outputFileTracingExcludes: { '/**': ['bench/**', '.data/**', 'test-results/**'] },
  // Loaded from node_modules at run time, not bundled: PGlite reads its WebAssembly files next to its code.
  serverExternalPackages: ['@electric-sql/pglite', 'ioredis', 'nodemailer', 'rate-limiter-flexible'],
  async headers() {
    // HSTS in production builds; browsers ignore it on plain-HTTP localhost.
    const production = process.env.NODE_ENV === 'production';
    return [{ source: '/:path*', headers: securityHeaders({ production }) }];
  },
  async rewrites() {
    // Every page as Markdown: /faq.md, /api-reference/invoices/public-api.v1.invoices.list.md
    return [{ source: '/:path*.md', destination: '/llms.mdx/:path*' }];
  },
};

export default withMDX(config);
