/**
 * The proxy's configuration, read once from the environment (every variable optional): which upstream, which
 * key for visitors who bring none, and the limits. Invalid values stop the proxy with a message naming the
 * variable, never its value.
 */
import { z } from 'zod';
import { parseLimit } from './rate-limit';
import type { Upstream } from './target';

/** The environment, or any stand-in for it in tests. */
export type Env = Record<string, string | undefined>;

export interface ProxyConfig {
  upstream: Upstream;
  /** FACTUAREA_SANDBOX_KEY: the key added for visitors who bring none (any upstream). */
  sandboxKey?: string;
  siteUrl: string;
  maxBodyBytes: number;
  maxResponseBytes: number;
  timeoutMs: number;
  perIp: { points: number; duration: number };
  global: { points: number; duration: number };
  /** New per-visitor sandboxes (a first visit or a reset): per client address, and for the whole site. */
  newSandboxes: { perIp: { points: number; duration: number }; global: { points: number; duration: number } };
  redisUrl?: string;
}

export const EMBEDDED_PATH = '/sandbox/v1';

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
const httpUrl = optional.refine(
  (v) => v === undefined || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol) && !new URL(v).username),
  {
    message: 'must be an absolute http(s) URL without user info',
  },
);
const positiveInt = (fallback: number) =>
  optional
    .refine((v) => v === undefined || /^[1-9]\d{0,9}$/.test(v), { message: 'must be a positive whole number' })
    .transform((v) => (v === undefined ? fallback : Number(v)));

const EnvSchema = z.object({
  FACTUAREA_API_URL: httpUrl,
  FACTUAREA_SANDBOX_INTERNAL_URL: httpUrl,
  FACTUAREA_SANDBOX_KEY: optional.refine((v) => v === undefined || /^fact_test_[A-Za-z0-9]{1,64}$/.test(v), {
    message: 'must be a fact_test_ key (live keys are never used by the console)',
  }),
  PORT: optional,
  SITE_URL: httpUrl,
  PROXY_MAX_BODY_BYTES: positiveInt(256 * 1024),
  PROXY_MAX_RESPONSE_BYTES: positiveInt(5 * 1024 * 1024),
  PROXY_TIMEOUT_MS: positiveInt(10_000),
  PROXY_RATE_LIMIT: optional,
  PROXY_RATE_LIMIT_GLOBAL: optional,
  PROXY_NEW_SANDBOX_LIMIT: optional,
  PROXY_NEW_SANDBOX_LIMIT_GLOBAL: optional,
  REDIS_URL: optional,
});

const trimSlash = (s: string) => s.replace(/\/+$/, '');

export function configFromEnv(env: Env = process.env): ProxyConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`))];
    throw new Error(`Invalid proxy configuration: ${names.join('; ')}`);
  }
  const e = parsed.data;
  const upstream: Upstream = e.FACTUAREA_API_URL
    ? { kind: 'external', base: trimSlash(e.FACTUAREA_API_URL) }
    : {
        kind: 'embedded',
        publicPath: EMBEDDED_PATH,
        fetchBase: trimSlash(e.FACTUAREA_SANDBOX_INTERNAL_URL ?? `http://127.0.0.1:${e.PORT ?? '3000'}${EMBEDDED_PATH}`),
      };
  return {
    upstream,
    sandboxKey: e.FACTUAREA_SANDBOX_KEY,
    siteUrl: trimSlash(e.SITE_URL ?? 'https://docs.factuarea.com'),
    maxBodyBytes: e.PROXY_MAX_BODY_BYTES,
    maxResponseBytes: e.PROXY_MAX_RESPONSE_BYTES,
    timeoutMs: e.PROXY_TIMEOUT_MS,
    perIp: parseLimit(e.PROXY_RATE_LIMIT, { points: 60, duration: 60 }),
    global: parseLimit(e.PROXY_RATE_LIMIT_GLOBAL, { points: 1200, duration: 60 }),
    newSandboxes: {
      perIp: parseLimit(e.PROXY_NEW_SANDBOX_LIMIT, { points: 20, duration: 600 }),
      global: parseLimit(e.PROXY_NEW_SANDBOX_LIMIT_GLOBAL, { points: 600, duration: 600 }),
    },
    redisUrl: e.REDIS_URL,
  };
}
