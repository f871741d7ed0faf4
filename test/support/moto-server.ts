import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A running moto_server on 127.0.0.1. */
export interface MotoServer {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  readonly endpoint: string;
  readonly port: number;
  /** Stops the server and waits for the process to exit. */
  stop(): Promise<void>;
  /** Drops every resource (secrets, keys) the server holds. */
  reset(): Promise<void>;
}

// Taken at load, before any test fakes timers, so that starting and
// stopping the server keep working under vi.useFakeTimers().
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

const INSTALL_HINT =
  'moto_server was not found on PATH. Install it with: ' +
  "pip install 'moto[server]==5.2.*'";

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

/** Options of `startMotoServer`. */
export interface MotoServerOptions {
  /** Executable to run. Default: `moto_server` from PATH. */
  readonly command?: string;
}

function assertInstalled(command: string): void {
  const found = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], {
    encoding: 'utf8',
  });
  if (found.status !== 0) {
    throw new Error(INSTALL_HINT.replace('moto_server', command));
  }
}

/** Kills `child`, with SIGKILL if SIGTERM has not ended it in 5 s. */
function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    const force = realSetTimeout(() => child.kill('SIGKILL'), 5_000);
    // The fallback alone must not keep the test worker alive.
    force.unref();
    child.once('exit', () => {
      realClearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function waitUntilUp(endpoint: string, child: ChildProcess) {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) {
      throw new Error(`moto_server exited early (code ${child.exitCode})`);
    }
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => realSetTimeout(r, 50));
  }
  throw new Error(`moto_server did not answer at ${endpoint} within 10 s`);
}

/**
 * Starts `moto_server` on a free port of 127.0.0.1 and waits until it
 * answers. Fails with the install command when moto_server is missing.
 */
export async function startMotoServer(
  options: MotoServerOptions = {},
): Promise<MotoServer> {
  const command = options.command ?? 'moto_server';
  assertInstalled(command);
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(command, ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
  });
  // A test worker that dies without afterAll must not leave moto running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  try {
    await waitUntilUp(endpoint, child);
  } catch (error) {
    await terminate(child);
    throw error;
  }

  return {
    endpoint,
    port,
    async reset() {
      const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (!res.ok) throw new Error(`moto_server reset answered ${res.status}`);
    },
    stop: () => terminate(child),
  };
}
