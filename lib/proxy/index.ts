/**
 * The process-wide console proxy and session handlers, built once from the environment and the bundled
 * OpenAPI document. Route handlers call these; everything else in lib/proxy is framework-free policy.
 */
import { openapiDocument } from '../openapi/document';
import { configFromEnv, type ProxyConfig } from './config';
import { proxyError } from './errors';
import { createProxy, type Proxy } from './proxy';
import { createLimiter } from './rate-limit';
import { compileRoutes } from './routes';
import { loadSecret } from './secret';
import { getSession, resetSession, type SessionDeps } from './session';

interface Instance {
  proxy: Proxy;
  session: SessionDeps;
}

const KEY = Symbol.for('factuarea.proxy');
type Holder = typeof globalThis & { [KEY]?: Instance | Error };

function build(): Instance {
  const config: ProxyConfig = configFromEnv();
  let secret: Promise<Buffer> | undefined;
  const getSecret = () => (secret ??= loadSecret().catch((e: unknown) => ((secret = undefined), Promise.reject(e))));
  const routes = compileRoutes(openapiDocument());
  return {
    proxy: createProxy({ config, routes, secret: getSecret }),
    session: {
      config,
      secret: getSecret,
      newSandboxes: {
        perIp: createLimiter({ keyPrefix: 'proxy:new-sandbox:ip', ...config.newSandboxes.perIp, redisUrl: config.redisUrl }),
        global: createLimiter({ keyPrefix: 'proxy:new-sandbox:all', ...config.newSandboxes.global, redisUrl: config.redisUrl }),
      },
    },
  };
}

function instance(): Instance | Error {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    try {
      g[KEY] = build();
    } catch (error) {
      g[KEY] = error instanceof Error ? error : new Error('Invalid proxy configuration');
      console.error(`[proxy] ${g[KEY].message}`);
    }
  }
  return g[KEY];
}

const misconfigured = () => proxyError('upstream_unavailable', 'The console is not configured correctly on this server; see its log.');

export async function handleProxy(req: Request): Promise<Response> {
  const i = instance();
  return i instanceof Error ? misconfigured() : i.proxy.handle(req);
}

export async function handleSession(req: Request): Promise<Response> {
  const i = instance();
  if (i instanceof Error) return misconfigured();
  return req.method === 'POST' ? resetSession(req, i.session) : getSession(req, i.session);
}
