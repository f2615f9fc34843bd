/**
 * One HTTP server on PORT for every webhook transport (Slack events, Telegram webhook), plus a
 * health check. Each adapter registers the exact paths it serves.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpRoutes {
  /** Serves `path` (exact match, any method) with `handler`. */
  route(path: string, handler: RouteHandler): void;
  /** Whether any route was registered (the server only listens then). */
  readonly used: boolean;
}

export interface HttpServer extends HttpRoutes {
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export function createHttpServer(onError: (err: unknown) => void): HttpServer {
  const routes = new Map<string, RouteHandler>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(handler(req, res)).catch((err) => {
      onError(err);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  return {
    route(path, handler) {
      routes.set(path, handler);
    },
    get used() {
      return routes.size > 0;
    },
    async listen(port, host) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      return (server.address() as AddressInfo).port;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
