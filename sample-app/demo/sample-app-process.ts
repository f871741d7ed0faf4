import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The built entry point: `dist/sample-app/main.js`. */
const MAIN_JS = fileURLToPath(new URL('../main.js', import.meta.url));

/** How long a boot may take before the demo gives up, in milliseconds. */
const BOOT_TIMEOUT_MS = 30_000;

/** Line the app logs once it listens (see `sample-app/main.ts`). */
const LISTENING = /Listening on http:\/\/localhost:\d+/;

/** How a boot ended: listening, or exited with a code. */
export type BootOutcome =
  | { readonly kind: 'listening' }
  | { readonly kind: 'exited'; readonly code: number | null };

/**
 * The sample app run as a child process (`node dist/sample-app/main.js`),
 * exactly as `npm start` runs it, with its output captured line by line.
 */
export class SampleAppProcess {
  /** Every line the app printed, stdout and stderr interleaved. */
  readonly lines: string[] = [];
  /** Resolves with the exit code (`null` when ended by a signal). */
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private readonly listening: Promise<void>;

  private constructor(
    readonly port: number,
    env: NodeJS.ProcessEnv,
    onLine: (line: string) => void,
  ) {
    this.child = spawn(process.execPath, [MAIN_JS], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = once(this.child, 'exit').then(([code]) => code as number);
    let markListening: () => void = () => {};
    this.listening = new Promise((resolve) => (markListening = resolve));
    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        this.lines.push(line);
        onLine(line);
        if (LISTENING.test(line)) markListening();
      });
    }
  }

  /**
   * Starts the app on `port` with `env` added to a clean environment (no
   * inherited AWS or secrets settings). Wait for it with `booted()`.
   */
  static spawn(
    port: number,
    env: Record<string, string>,
    onLine: (line: string) => void = () => {},
  ): SampleAppProcess {
    const appEnv = { ...cleanEnv(), NO_COLOR: '1', PORT: String(port), ...env };
    return new SampleAppProcess(port, appEnv, onLine);
  }

  /** Base URL of the app. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Whether the process is still running. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Stops the app with SIGTERM (graceful shutdown) and waits for it. */
  async stop(): Promise<number | null> {
    if (this.running) this.child.kill('SIGTERM');
    return this.exited;
  }

  /** Waits until the app listens or exits; rejects after the boot timeout. */
  async booted(): Promise<BootOutcome> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`The app did not boot within ${BOOT_TIMEOUT_MS} ms`));
      }, BOOT_TIMEOUT_MS);
    });
    try {
      return await Promise.race([
        this.listening.then((): BootOutcome => ({ kind: 'listening' })),
        this.exited.then((code): BootOutcome => ({ kind: 'exited', code })),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The parent's environment without AWS or secrets settings. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('AWS_') && !name.startsWith('SECRETS_'),
    ),
  );
}
