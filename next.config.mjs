import { createMDX } from 'fumadocs-mdx/next';
import { securityHeaders } from './lib/security-headers.mjs';

const withMDX = createMDX();

/** @type {import('next').NextConfig} */
const config = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Loaded from node_modules at run time, not bundled: PGlite ships WebAssembly and data files it finds beside itself.
  serverExternalPackages: ['@electric-sql/pglite', 'ioredis', 'rate-limiter-flexible'],
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
