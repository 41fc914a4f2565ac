import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/** Browser and HTTP tests against a production build served by `next start` (see tests/helpers/server.ts). */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
