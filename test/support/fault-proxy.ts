import { randomUUID } from 'node:crypto';
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';
import { CallLog, type CallWindow, type ProxyCall } from './call-log.js';
import { listenOnFreePort } from './listen.js';
import {
  awsErrorShape,
  FaultRules,
  shortOperation,
  type AwsErrorShape,
  type Fault,
  type FaultRule,
  type FaultRuleOptions,
} from './fault-rules.js';

export type { CallWindow, ProxyCall } from './call-log.js';
export type {
  Fault,
  FaultKind,
  FaultRule,
  FaultRuleOptions,
} from './fault-rules.js';

/** A running fault proxy on 127.0.0.1; see `startFaultProxy`. */
export interface FaultProxy {
  /** Base URL to give the SDK, e.g. `http://127.0.0.1:40123`. */
  readonly endpoint: string;
  readonly port: number;
  /**
   * Adds a rule for `operation` (`GetSecretValue`,
   * `secretsmanager.GetSecretValue`, or `*` for all). Rules are tried in
   * the order they were added; the first live match wins.
   */
  inject(
    operation: string,
    fault: Fault,
    options?: FaultRuleOptions,
  ): FaultRule;
  /** Removes every rule, or the rules added for one operation. */
  clearFaults(operation?: string): void;
  /** Every call seen since start or the last `reset()`, in order. */
  calls(): readonly ProxyCall[];
  /** Calls per operation, faulted ones included: `{ GetSecretValue: 3 }`. */
  counts(window?: CallWindow): Record<string, number>;
  /** Calls of one operation (`*` for all). */
  count(operation: string, window?: CallWindow): number;
  /**
   * Calls of `operation` (`*` for all) in consecutive windows of
   * `windowMs` milliseconds from `from` (default: its first call), e.g.
   * API calls per simulated minute of a sustained failure.
   */
  countsPerWindow(operation: string, windowMs: number, from?: number): number[];
  /** Forgets recorded calls and removes every rule. */
  reset(): void;
  /** Drops open sockets (hanging requests included) and stops listening. */
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function secretIdOf(body: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { SecretId?: unknown };
    return typeof parsed.SecretId === 'string' ? parsed.SecretId : undefined;
  } catch {
    return undefined;
  }
}

function operationOf(req: IncomingMessage): string {
  const target = req.headers['x-amz-target'];
  return typeof target === 'string'
    ? shortOperation(target)
    : `${req.method} ${req.url}`;
}

function sendAwsError(res: ServerResponse, shape: AwsErrorShape): void {
  const body = JSON.stringify({ __type: shape.type, message: shape.message });
  res.writeHead(shape.status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': randomUUID(),
    'x-amzn-ErrorType': shape.type,
  });
  res.end(body);
}

/**
 * Starts an HTTP proxy on a free port of 127.0.0.1 that forwards to
 * `target` (normally `moto.endpoint`) and injects faults per operation,
 * read from the `X-Amz-Target` header. Point the SDK at `proxy.endpoint`.
 *
 * The SDK retries throttling, 5xx, timeouts and dropped connections by
 * itself (`maxAttempts` defaults to 3, with real-time backoff). A test that
 * counts API calls exactly, or wants one fault to surface as one error,
 * builds its client with `secretsClient(proxy.endpoint, { maxAttempts: 1 })`
 * (test/support/aws.ts); otherwise one `send` can be up to three calls.
 *
 * Time: call timestamps come from `Date.now()` and `delay` uses the global
 * `setTimeout`, both read when used, so under `vi.useFakeTimers()` the
 * proxy lives on the fake clock (a delay ends when the test advances it).
 *
 * @example
 * const proxy = await startFaultProxy(moto.endpoint);
 * proxy.inject('GetSecretValue', { kind: 'throttle' }, { times: 2 });
 * proxy.count('GetSecretValue'); // calls seen, faulted ones included
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  // A private agent without keep-alive, so that close() leaves no socket.
  const agent = new Agent({ keepAlive: false });
  const sockets = new Set<Socket>();
  const rules = new FaultRules();
  const log = new CallLog();
  let closed = false;

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const outgoing = httpRequest(
      {
        agent,
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'content-length': body.length },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    // An unreachable upstream looks like a dropped connection to the SDK.
    outgoing.on('error', () => req.socket.destroy());
    outgoing.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // The whole body is read first so that `drop` and error answers never
    // race the client's upload, and so that rules can match on SecretId.
    const body = await readBody(req);
    const operation = operationOf(req);
    const secretId = secretIdOf(body);
    const fault = rules.take(operation, secretId);
    log.record({ operation, at: Date.now(), fault: fault.kind, secretId });

    const shape = awsErrorShape(fault);
    if (shape) return sendAwsError(res, shape);
    if (fault.kind === 'drop') return void req.socket.destroy();
    // `hang`: keep the socket; the client's timeout or close() ends it.
    if (fault.kind === 'hang') return;
    if (fault.kind === 'delay') {
      await new Promise((resolve) => setTimeout(resolve, fault.ms));
      if (closed || req.socket.destroyed) return;
    }
    forward(req, res, body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const port = await listenOnFreePort(server);

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    inject: (operation, fault, options) => rules.add(operation, fault, options),
    clearFaults: (operation) => rules.clear(operation),
    calls: () => log.all(),
    counts: (window) => log.counts(window),
    count: (operation, window) => log.count(operation, window),
    countsPerWindow: (operation, windowMs, from) =>
      log.countsPerWindow(operation, windowMs, from),
    reset() {
      log.clear();
      rules.clear();
    },
    close() {
      closed = true;
      rules.clear();
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
