import { createServer, type Socket } from 'node:net';
import { listenOnFreePort } from './listen.js';

/** A TCP server on 127.0.0.1 that accepts connections and never answers. */
export interface SilentServer {
  /** Base URL to give the SDK, e.g. `http://127.0.0.1:40123`. */
  readonly endpoint: string;
  readonly port: number;
  /** Connections accepted so far (each SDK attempt opens one). */
  readonly connections: number;
  /** Destroys every open connection and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts a server that reads requests and never writes a byte: the SDK's
 * call stays pending until its own timeout or abort signal ends it. Use it
 * for "a call that never answers fails within the timeout" tests.
 */
export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    // Drain what the client sends so its writes never block.
    socket.resume();
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
  });
  const port = await listenOnFreePort(server);

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    get connections() {
      return connections;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
