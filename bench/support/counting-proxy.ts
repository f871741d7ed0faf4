import {
  Agent,
  createServer,
  request as forward,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the proxy relayed. */
export interface ProxiedCall {
  /** Operation name, e.g. `ListSecrets`. */
  readonly operation: string;
  /** `performance.now()` when the request arrived. */
  readonly at: number;
}

/** An HTTP proxy in front of moto_server that counts calls by operation. */
export interface CountingProxy {
  /** Base URL to give the SDK, e.g. `http://127.0.0.1:40123`. */
  readonly endpoint: string;
  /**
   * Calls seen since start or the last `reset()`, by operation name; only
   * those that arrived in [`since`, `until`) when given.
   */
  counts(since?: number, until?: number): Record<string, number>;
  /** Requests relayed but not yet answered. */
  inFlight(): number;
  /** `performance.now()` of the last request, or `-Infinity`. */
  lastCallAt(): number;
  /** Forgets the counts. */
  reset(): void;
  /** Stops listening and closes the upstream sockets. */
  close(): Promise<void>;
}

// The SDK names the operation in this header, e.g.
// `secretsmanager.GetSecretValue`.
function operationOf(req: IncomingMessage): string {
  const target = req.headers['x-amz-target'];
  const value = Array.isArray(target) ? target[0] : target;
  return value?.split('.').pop() ?? 'unknown';
}

/** Starts a counting proxy on a free port of 127.0.0.1 for `upstream`. */
export async function startCountingProxy(
  upstream: string,
): Promise<CountingProxy> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true });
  let calls: ProxiedCall[] = [];
  let inFlight = 0;

  const relay = (req: IncomingMessage, res: ServerResponse) => {
    calls.push({ operation: operationOf(req), at: performance.now() });
    inFlight++;
    res.once('close', () => inFlight--);
    const outbound = forward(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    outbound.on('error', () => res.destroy());
    req.pipe(outbound);
  };

  const server = createServer({ keepAlive: true }, relay);
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts: (since = -Infinity, until = Infinity) => {
      const counts: Record<string, number> = {};
      for (const { operation, at } of calls) {
        if (at >= since && at < until) {
          counts[operation] = (counts[operation] ?? 0) + 1;
        }
      }
      return counts;
    },
    inFlight: () => inFlight,
    lastCallAt: () => calls.at(-1)?.at ?? -Infinity,
    reset: () => {
      calls = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        agent.destroy();
      }),
  };
}
