import type { Narrator } from './narrator.js';
import type { MotoServer } from './moto-launcher.js';
import type { DemoSecrets } from './demo-secrets.js';
import type { SampleAppProcess } from './sample-app-process.js';

/** Canary values the demo stores as secrets and then looks for in output. */
export interface DemoCanaries {
  /** The database password. */
  readonly password: string;
  /** The partner API key. */
  readonly apiKey: string;
}

/**
 * What the steps share. Steps fill it in as they go (the moto server, the
 * running app) and register cleanups, which run in reverse order at the end
 * whether the demo succeeded or not.
 */
export interface DemoContext {
  readonly narrator: Narrator;
  readonly canaries: DemoCanaries;
  moto?: MotoServer;
  secrets?: DemoSecrets;
  /** The app currently running, if any. */
  app?: SampleAppProcess;
  /** Version ids the demo wrote, by secret id, latest last. */
  readonly versions: Map<string, string[]>;
  /**
   * Everything the demo saw from the app: output lines and HTTP bodies,
   * for the final leak check.
   */
  readonly observed: string[];
  /**
   * Registers a cleanup of `what` (e.g. `moto_server`) for the end; a
   * cleanup that resolves `false` found it already stopped.
   */
  defer(what: string, cleanup: () => Promise<unknown>): void;
  /** Runs the registered cleanups, last registered first. */
  cleanUp(): Promise<void>;
}

/** One numbered step of the demo. */
export interface DemoStep {
  /** Human-readable title, printed before the step runs. */
  readonly title: string;
  /**
   * Does the step and returns one sentence saying what it showed; throws
   * (a `DemoCheckError` for a wrong observation) when it misbehaved.
   */
  run(ctx: DemoContext): Promise<string>;
}

/** A step observed something other than what it expected. */
export class DemoCheckError extends Error {
  override readonly name = 'DemoCheckError';
}

/** Throws a `DemoCheckError` with `message` unless `condition` holds. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new DemoCheckError(message);
}

/** Returns a value the context must hold by now, or fails the step. */
export function required<T>(value: T | undefined, what: string): T {
  check(
    value !== undefined,
    `${what} is not available: an earlier step failed`,
  );
  return value;
}
