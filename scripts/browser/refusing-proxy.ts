import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RefusingProxy {
  /** `http://127.0.0.1:<port>`, for Chromium's --proxy-server. */
  server: string;
  /** What tried to leave past request interception: `CONNECT host:port`, `GET http://…`, `UPGRADE ws://…`. */
  refused: string[];
  close(): Promise<void>;
}

/**
 * A proxy that forwards nothing and writes down every attempt. Playwright's routes see fetches from
 * pages and the service worker, but not WebSockets, nor anything sent before the routes exist (the
 * service worker starts with the browser); with Chromium pointed here, those cannot reach the
 * network unseen either.
 */
export async function startRefusingProxy(): Promise<RefusingProxy> {
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    refused.push(`${request.method} ${request.url}`);
    response.writeHead(403).end();
  });
  // Chromium drops refused connections abruptly (ECONNRESET): that is the expected end of them, and
  // an unhandled socket error would take the whole test run down.
  const ignore = () => undefined;
  server.on('clientError', (_error, socket) => socket.destroy());
  server.on('connection', (socket) => {
    socket.on('error', ignore);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (request, socket) => {
    socket.on('error', ignore);
    refused.push(`CONNECT ${request.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('upgrade', (request, socket) => {
    socket.on('error', ignore);
    refused.push(`UPGRADE ${request.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server: `http://127.0.0.1:${port}`,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
