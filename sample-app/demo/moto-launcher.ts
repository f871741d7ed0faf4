import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A running moto_server on 127.0.0.1. */
export interface MotoServer {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  readonly endpoint: string;
  /** TCP port on 127.0.0.1. */
  readonly port: number;
  /** Stops the server and waits for the process to exit. */
  stop(): Promise<void>;
  /** Drops every resource (secrets, keys) the server holds. */
  reset(): Promise<void>;
}

const INSTALL_HINT =
  'moto_server was not found on PATH. Install it with: ' +
  "pip install 'moto[server]==5.2.*'";

/** Poll interval while waiting for moto_server, in milliseconds. */
const POLL_MS = 50;
/** How long moto_server may take to answer, in milliseconds. */
const START_TIMEOUT_MS = 15_000;

/** Finds a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function assertInstalled(): void {
  const found = spawnSync('sh', ['-c', 'command -v moto_server'], {
    encoding: 'utf8',
  });
  if (found.status !== 0) throw new Error(INSTALL_HINT);
}

async function waitUntilUp(endpoint: string, child: ChildProcess) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`moto_server exited early (code ${child.exitCode})`);
    }
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.status < 500) return;
    } catch {
      // Not listening yet: poll again.
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(
    `moto_server did not answer at ${endpoint} within ${START_TIMEOUT_MS} ms`,
  );
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Starts `moto_server` on a free port of 127.0.0.1 and waits until it
 * answers. Fails with the install command when moto_server is missing.
 */
export async function startMotoServer(): Promise<MotoServer> {
  assertInstalled();
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
  });
  try {
    await waitUntilUp(endpoint, child);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }

  return {
    endpoint,
    port,
    async reset() {
      await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
    },
    stop: () => stopProcess(child),
  };
}
