import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/** Unit and contract tests: framework-free code in lib/, run in Node. */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/contract/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Opening an embedded database (PGlite) takes seconds on a busy 2-core machine.
    hookTimeout: 60_000,
  },
});
