/**
 * A programmable upstream for proxy tests: a node:http server on 127.0.0.1 that records every request it
 * receives (method, path, headers, body) and answers with whatever the current handler says — redirects,
 * slow or huge answers, cookies, echoes of the key.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type StubHandler = (req: Received, res: ServerResponse) => void | Promise<void>;

export interface StubUpstream {
  url: string;
  port: number;
  received: Received[];
  /** Replaces the handler for the following requests. */
  handle(handler: StubHandler): void;
  close(): Promise<void>;
}

export const jsonHandler =
  (status = 200, body: unknown = { ok: true }, headers: Record<string, string> = {}): StubHandler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

export async function startStubUpstream(initial: StubHandler = jsonHandler()): Promise<StubUpstream> {
  let handler = initial;
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      Promise.resolve(handler(r, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    handle: (h) => {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
