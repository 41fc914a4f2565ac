/**
 * Load on one production instance in its multi-instance configuration (PostgreSQL and Redis): a few thousand
 * requests at a concurrency of 50 through the console proxy and straight to the sandbox, a fifth of them writes.
 * No answer may be a 5xx or go missing, and memory must stay flat: the live heap after V8's latest full
 * collection (the server runs with --trace-gc) may grow by less than 50 MB between the end of a warm-up round
 * and the end of the run. Resident memory (VmRSS) is reported and bounded too, more loosely: it follows the heap
 * V8 reserves, which grows with the allocation rate and is not returned at once. The figures are printed as one
 * JSON line (`LOAD {…}`).
 * The proxy's limits are raised for this instance (PROXY_RATE_LIMIT*), and the load is spread over ten
 * visitors and ten keys so that no sandbox key passes its tier's 300 requests a minute: a 429 is a failure here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cif } from '../helpers/beta';
import type { NextServer } from '../helpers/next-server';
import {
  consoleHeaders,
  dropTestIpKeys,
  proxied,
  rssMb,
  runLoad,
  sandboxKey,
  servicesUnavailable,
  startOpsNext,
  testIp,
  visitorCookie,
} from '../helpers/ops';
import { createTestDatabase } from '../helpers/pg';
import { REDIS_URL } from '../helpers/redis';

const unavailable = await servicesUnavailable();
if (unavailable) console.warn(`load tests skipped: ${unavailable}`);

const CONCURRENCY = 50;
const PROXY_REQUESTS = Number(process.env.LOAD_PROXY_REQUESTS ?? 2_000);
const SANDBOX_REQUESTS = Number(process.env.LOAD_SANDBOX_REQUESTS ?? 2_000);
const WARM_UP = 500;
const VISITORS = 10;
const MAX_HEAP_GROWTH_MB = 50;
const MAX_RSS_GROWTH_MB = 250;

/** Live heap after the latest full collection (mark-compact) in a --trace-gc log, in MB. */
function liveHeapMb(log: string): number | undefined {
  const all = [...log.matchAll(/Mark-Compact(?: \(reduce\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \(/g)];
  const last = all.at(-1);
  return last ? Number(last[1]) : undefined;
}

let server: NextServer;
let database: { url: string; drop: () => Promise<void> } | undefined;
let cookies: string[] = [];
const ip = testIp();
const keys = Array.from({ length: VISITORS }, sandboxKey);
let taxIdSeq = Math.floor(Math.random() * 1_000_000);

/** The i-th request of a run: mostly reads (list, one object's account), every fifth a create. */
function sandboxRequest(i: number): { path: string; init: RequestInit } {
  if (i % 5 === 4)
    return {
      path: '/clients',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Carga ${i}`, tax_id: cif(taxIdSeq++ % 9_000_000) }),
      },
    };
  return { path: i % 2 ? '/clients?limit=10' : '/account', init: {} };
}

const viaProxy = (i: number) => {
  const { path, init } = sandboxRequest(i);
  return {
    url: proxied(server, path),
    init: { ...init, headers: { ...consoleHeaders(server, cookies[i % VISITORS], { 'x-forwarded-for': ip }), ...(init.headers ?? {}) } },
  };
};
const direct = (i: number) => {
  const { path, init } = sandboxRequest(i);
  return {
    url: `${server.url}/sandbox/v1${path}`,
    init: { ...init, headers: { Authorization: `Bearer ${keys[i % VISITORS]}`, ...(init.headers ?? {}) } },
  };
};

describe.skipIf(!!unavailable)(
  `load: ${PROXY_REQUESTS} proxy and ${SANDBOX_REQUESTS} sandbox requests at concurrency ${CONCURRENCY}`,
  () => {
    beforeAll(async () => {
      database = await createTestDatabase('factuarea_load');
      server = await startOpsNext(
        {
          DATABASE_URL: database.url,
          REDIS_URL,
          PROXY_SECRET: `load-test-secret-${Date.now()}-0123456789abcdef`,
          FACTUAREA_API_URL: undefined,
          FACTUAREA_SANDBOX_KEY: undefined,
          FACTUAREA_SANDBOX_INTERNAL_URL: undefined,
          SMTP_URL: undefined,
          PROXY_RATE_LIMIT: '1000000/60',
          PROXY_RATE_LIMIT_GLOBAL: '1000000/60',
          PROXY_NEW_SANDBOX_LIMIT: '1000/600',
        },
        'test-results/load-next.log',
        ['--trace-gc'],
      );
      cookies = await Promise.all(Array.from({ length: VISITORS }, () => visitorCookie(server, ip)));
    }, 180_000);

    afterAll(async () => {
      await server?.stop();
      await database?.drop();
      await dropTestIpKeys();
    });

    it('answers every request without a 5xx, and its memory stays flat', async () => {
      // Warm-up: every visitor's and key's sandbox company is created and seeded, code paths are compiled.
      const warmProxy = await runLoad(WARM_UP, CONCURRENCY, viaProxy);
      const warmDirect = await runLoad(WARM_UP, CONCURRENCY, direct);
      expect(warmProxy.errors5xx + warmDirect.errors5xx, JSON.stringify({ warmProxy, warmDirect })).toBe(0);
      await new Promise((r) => setTimeout(r, 2_000));
      const rssBefore = rssMb(server.pid);
      const heapBefore = liveHeapMb(server.log());

      const proxy = await runLoad(PROXY_REQUESTS, CONCURRENCY, (i) => viaProxy(i + WARM_UP));
      const sandbox = await runLoad(SANDBOX_REQUESTS, CONCURRENCY, (i) => direct(i + WARM_UP));
      await new Promise((r) => setTimeout(r, 2_000));
      const rssAfter = rssMb(server.pid);
      const heapAfter = liveHeapMb(server.log());

      const figures = {
        concurrency: CONCURRENCY,
        proxy,
        sandbox,
        rss_mb: { after_warm_up: rssBefore, after_run: rssAfter, growth: rssAfter - rssBefore },
        live_heap_after_full_gc_mb: { after_warm_up: heapBefore, after_run: heapAfter },
      };
      console.log(`LOAD ${JSON.stringify(figures)}`);

      expect(server.alive()).toBe(true);
      for (const run of [proxy, sandbox]) {
        expect(run.errors5xx, JSON.stringify(run.statuses)).toBe(0);
        // Reads answer 200 and creates 201; nothing else (a 429 would mean the test's own limits are wrong).
        expect(Object.keys(run.statuses).sort(), JSON.stringify(run.statuses)).toEqual(['200', '201']);
        expect(run.statuses['201']).toBe(run.requests / 5);
      }
      expect(heapBefore, 'a full collection happened during the warm-up').toBeDefined();
      expect(heapAfter! - heapBefore!).toBeLessThan(MAX_HEAP_GROWTH_MB);
      expect(rssAfter - rssBefore).toBeLessThan(MAX_RSS_GROWTH_MB);
    }, 600_000);
  },
);
