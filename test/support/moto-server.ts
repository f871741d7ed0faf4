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

function assertInstalled(): void {
  const found = spawnSync('sh', ['-c', 'command -v moto_server'], {
    encoding: 'utf8',
  });
  if (found.status !== 0) throw new Error(INSTALL_HINT);
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
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`moto_server did not answer at ${endpoint} within 10 s`);
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
  await waitUntilUp(endpoint, child);

  return {
    endpoint,
    port,
    async reset() {
      await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
    },
    stop() {
      if (child.exitCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}
