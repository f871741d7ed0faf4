import { format, inspect, type InspectOptions } from 'node:util';
import type { LabelledText } from './canary.js';

/** What was written to stdout, stderr and the console during a capture. */
export interface OutputCapture {
  /** Everything written to stdout (console.log/info/debug included). */
  stdout(): string;
  /** Everything written to stderr (console.warn/error/trace included). */
  stderr(): string;
  /** Both, labelled, for `assertNoCanary`. */
  haystacks(): LabelledText[];
  /** Puts the original writers back. Safe to call twice. */
  restore(): void;
}

type Write = typeof process.stdout.write;
const CONSOLE_TO_STREAM = {
  log: 'stdout',
  info: 'stdout',
  debug: 'stdout',
  dir: 'stdout',
  warn: 'stderr',
  error: 'stderr',
  trace: 'stderr',
} as const;

function chunkText(chunk: unknown): string {
  return typeof chunk === 'string'
    ? chunk
    : Buffer.from(chunk as Uint8Array).toString('utf8');
}

/**
 * Records what the code under test writes to `process.stdout`,
 * `process.stderr` and the `console` methods (Vitest reroutes `console`,
 * so both are patched). Output is swallowed unless `passThrough` is set.
 * Call `restore()` in `afterEach` or a `finally`.
 */
export function captureOutput(
  options: { readonly passThrough?: boolean } = {},
): OutputCapture {
  const chunks = { stdout: [] as string[], stderr: [] as string[] };
  const restorers: (() => void)[] = [];
  // Set while a console method runs, so a console that writes to the
  // patched streams (as with passThrough) is not recorded twice.
  let inConsole = false;

  for (const name of ['stdout', 'stderr'] as const) {
    const stream = process[name];
    const original = stream.write;
    stream.write = function (chunk: unknown, ...rest: unknown[]) {
      if (!inConsole) chunks[name].push(chunkText(chunk));
      if (options.passThrough) {
        return (original as (...args: unknown[]) => boolean).call(
          stream,
          chunk,
          ...rest,
        );
      }
      // Honour the write callback, wherever the caller put it.
      const callback = rest.find((arg) => typeof arg === 'function');
      if (callback) queueMicrotask(callback as () => void);
      return true;
    } as Write;
    restorers.push(() => {
      stream.write = original;
    });
  }

  for (const [method, name] of Object.entries(CONSOLE_TO_STREAM)) {
    const key = method as keyof typeof CONSOLE_TO_STREAM;
    const original = console[key] as (...args: unknown[]) => void;
    console[key] = (...args: unknown[]) => {
      const text =
        key === 'dir'
          ? inspect(args[0], args[1] as InspectOptions)
          : format(...args);
      chunks[name].push(`${text}\n`);
      if (!options.passThrough) return;
      inConsole = true;
      try {
        original.apply(console, args);
      } finally {
        inConsole = false;
      }
    };
    restorers.push(() => {
      console[key] = original as never;
    });
  }

  return {
    stdout: () => chunks.stdout.join(''),
    stderr: () => chunks.stderr.join(''),
    haystacks: () => [
      { where: 'stdout', text: chunks.stdout.join('') },
      { where: 'stderr', text: chunks.stderr.join('') },
    ],
    restore() {
      while (restorers.length > 0) restorers.pop()!();
    },
  };
}
