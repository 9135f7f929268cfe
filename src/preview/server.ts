import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { relative } from 'node:path';
import { createChannel, createSession } from 'better-sse';
import sirv from 'sirv';
import { editionFile } from './request-path.ts';

/**
 * The preview's HTTP server, on 127.0.0.1 only. It answers with the files of the edition folder
 * (output/eindrapport-<year>/; its index.html is the last good page, with the live-reload script
 * added), a server-sent event stream at /__preview/events, and POST /__preview/pdf. Everything
 * else — other hosts, paths outside the folder, other methods — is refused.
 */
export interface PreviewServerOptions {
  /** The edition folder; null while no build has told which edition it is. */
  root(): string | null;
  /** 0: any free port. */
  port: number;
  /** The page to serve at / (with the preview script). */
  page(): string;
  /** Events for a browser that just connected (the current state). */
  greeting(): { event: string; data: unknown }[];
  /** A reader asked for the PDF. */
  onPdfRequest(): void;
}

export interface PreviewServer {
  url: string;
  port: number;
  /** Sends an event to every open page. */
  broadcast(event: string, data: unknown): void;
  close(): Promise<void>;
}

export const LOOPBACK = '127.0.0.1';

export async function startPreviewServer(opts: PreviewServerOptions): Promise<PreviewServer> {
  const channel = createChannel();
  const servers = new Map<string, ReturnType<typeof sirv>>();
  const files = (root: string) => {
    let handler = servers.get(root);
    if (!handler) servers.set(root, (handler = sirv(root, { dev: true, dotfiles: false, etag: false })));
    return handler;
  };
  let port = 0;

  const refuse = (res: ServerResponse, status: number, text: string) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`${text}\n`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Only this machine, by this server's own name (no DNS rebinding through another host name).
    const host = req.headers.host ?? '';
    if (host !== `${LOOPBACK}:${port}` && host !== `localhost:${port}`) return refuse(res, 403, 'Geweigerd: dit voorbeeld is alleen op deze computer te zien.');
    const url = req.url ?? '/';
    const path = url.split(/[?#]/, 1)[0]!;
    if (path === '/__preview/events' && req.method === 'GET') {
      const session = await createSession(req, res, { keepAlive: 15_000, retry: 500 });
      channel.register(session);
      for (const { event, data } of opts.greeting()) session.push(data, event);
      return;
    }
    if (path === '/__preview/pdf') {
      if (req.method !== 'POST') return refuse(res, 405, 'Alleen POST.');
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${host}`) return refuse(res, 403, 'Geweigerd: verzoek van een andere site.');
      opts.onPdfRequest();
      res.writeHead(202, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('De PDF wordt gemaakt.\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Alleen lezen (GET).');
    const root = opts.root() ?? '/nonexistent-edition';
    const file = editionFile(root, url);
    if (file === null) return refuse(res, 403, 'Geweigerd: alleen bestanden van deze webeditie.');
    const name = relative(root, file);
    if (name === '' || name === 'index.html') {
      const page = opts.page();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : page);
      return;
    }
    if (opts.root() === null) return refuse(res, 404, 'Niet gevonden in deze webeditie.');
    files(root)(req, res, () => refuse(res, 404, 'Niet gevonden in deze webeditie.'));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'Interne fout in de voorbeeldserver.');
      else res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, LOOPBACK, () => {
      server.off('error', fail);
      ok();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${LOOPBACK}:${port}/`,
    port,
    broadcast: (event, data) => channel.broadcast(data, event),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
