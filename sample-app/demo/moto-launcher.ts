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
  /** Drops every resource the server holds; throws if moto refuses. */
  reset(): Promise<void>;
}

/** Options of `startMotoServer`. */
export interface MotoServerOptions {
  /** Executable to run. Default: `moto_server` from PATH. */
  readonly command?: string;
}

// Taken at load, before any test fakes timers, so that starting and
// stopping the server keep working under vi.useFakeTimers().
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

const INSTALL_HINT =
  'moto_server was not found on PATH. Install it with: ' +
  "pip install 'moto[server]==5.2.*'";

/** Poll interval while waiting for moto_server, in milliseconds. */
const POLL_MS = 50;
/** How long moto_server may take to answer, in milliseconds. */
const START_TIMEOUT_MS = 15_000;
/** How long SIGTERM may take before SIGKILL follows, in milliseconds. */
const STOP_GRACE_MS = 5_000;

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

function assertInstalled(command: string): void {
  const found = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], {
    encoding: 'utf8',
  });
  if (found.status !== 0) {
    throw new Error(INSTALL_HINT.replace('moto_server', command));
  }
}

const pause = (ms: number) =>
  new Promise((resolve) => realSetTimeout(resolve, ms));

async function waitUntilUp(endpoint: string, child: ChildProcess) {
  // Attempts, not a Date.now() deadline: a faked clock must not end the wait.
  for (let waited = 0; waited < START_TIMEOUT_MS; waited += POLL_MS) {
    if (child.exitCode !== null) {
      throw new Error(`moto_server exited early (code ${child.exitCode})`);
    }
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.status < 500) return;
    } catch {
      // Not listening yet: poll again.
    }
    await pause(POLL_MS);
  }
  throw new Error(
    `moto_server did not answer at ${endpoint} within ${START_TIMEOUT_MS} ms`,
  );
}

/** Ends `child` with SIGTERM, then SIGKILL if it is still up after a grace. */
function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    const force = realSetTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    // The fallback alone must not keep the process alive.
    force.unref();
    child.once('exit', () => {
      realClearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Kills `child` when this process exits, unless it has exited first. */
function killWithParent(child: ChildProcess): void {
  // A test worker or demo that dies without cleanup must not leave moto up.
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  child.once('exit', () => process.removeListener('exit', kill));
}

/**
 * Starts `moto_server` on a free port of 127.0.0.1 and waits until it
 * answers (up to 15 s). Fails with the install command when the executable
 * is missing.
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
  killWithParent(child);
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
