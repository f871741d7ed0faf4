import { isTransientKind, type SecretErrorKind } from '../errors/error-kind.js';
import { backoffDelayMs } from './backoff.js';
import { jitteredIntervalMs } from './jitter.js';
import { SingleFlight } from './single-flight.js';

/** Outcome of one check of one key: `ok`, or the kind of failure. */
export type RefreshCheckOutcome = 'ok' | { readonly kind: SecretErrorKind };

/** Settings of `RefreshScheduler`; every duration is in milliseconds. */
export interface RefreshSchedulerOptions<K> {
  /** Wait after a successful check, before jitter. */
  readonly intervalMs: number;
  /** Fraction of a wait removed at random (0 to 1). */
  readonly jitterRatio: number;
  /** Upper bound of the first wait after a transient failure. */
  readonly backoffInitialMs: number;
  /** Longest wait after transient failures; the wait after other failures. */
  readonly backoffMaxMs: number;
  /** Checks one key; resolves with its outcome. Should not reject. */
  readonly check: (key: K) => Promise<RefreshCheckOutcome>;
  /**
   * Whether a failure kind is worth a quick retry. Default: `isTransientKind`.
   */
  readonly isTransient?: (kind: SecretErrorKind) => boolean;
  /** Called when `check` rejects anyway; counted as kind `unknown`. */
  readonly onCheckError?: (key: K, error: unknown) => void;
  /** Source of uniform numbers in [0, 1). Default: `Math.random`. */
  readonly random?: () => number;
  /** Called after each check with its outcome and the next wait in ms. */
  readonly onSettled?: (settled: RefreshCheckSettled<K>) => void;
}

/** One finished check, as `onSettled` reports it. */
export interface RefreshCheckSettled<K> {
  /** Key checked. */
  readonly key: K;
  /** Its outcome. */
  readonly outcome: RefreshCheckOutcome;
  /** Wait before the next check of the key, in milliseconds. */
  readonly nextDelayMs: number;
  /** Whether the next check was scheduled (not while stopped or removed). */
  readonly scheduled: boolean;
}

/**
 * Per-key refresh timers. After a success the next check waits a jittered
 * `intervalMs`; after a transient failure, an exponential backoff; after
 * any other failure, a jittered `backoffMaxMs`. Checks of one key never
 * overlap. Timers are unref'd, so they never keep the process alive, and
 * `stop()` clears them all.
 */
export class RefreshScheduler<K = string> {
  private readonly timers = new Map<K, NodeJS.Timeout>();
  private readonly failures = new Map<K, number>();
  private readonly keys = new Set<K>();
  private readonly flights = new SingleFlight<K, RefreshCheckOutcome>();
  private active = false;

  constructor(private readonly options: RefreshSchedulerOptions<K>) {}

  /** Whether `start` ran and `stop` did not since. */
  get running(): boolean {
    return this.active;
  }

  /** Starts checking `keys`, each first after one jittered interval. */
  start(keys: Iterable<K> = []): void {
    this.active = true;
    for (const key of keys) this.add(key);
  }

  /** Adds a key; it is first checked after one jittered interval. */
  add(key: K): void {
    this.keys.add(key);
    if (this.active && !this.timers.has(key)) {
      this.schedule(key, this.successDelayMs());
    }
  }

  /** Stops checking a key. A check already running finishes unscheduled. */
  remove(key: K): void {
    this.keys.delete(key);
    this.failures.delete(key);
    this.clearTimer(key);
  }

  /** Clears every timer; checks already running finish unscheduled. */
  stop(): void {
    this.active = false;
    for (const key of [...this.timers.keys()]) this.clearTimer(key);
  }

  /**
   * Checks `key` now (joining a check already running), then reschedules it
   * from its outcome. Works while stopped, without rescheduling.
   */
  runNow(key: K): Promise<RefreshCheckOutcome> {
    return this.flights.run(key, () => this.checkAndReschedule(key));
  }

  /** Consecutive failures of `key` since its last success. */
  failureCount(key: K): number {
    return this.failures.get(key) ?? 0;
  }

  /** Whether a timer is pending for `key`. */
  isScheduled(key: K): boolean {
    return this.timers.has(key);
  }

  private async checkAndReschedule(key: K): Promise<RefreshCheckOutcome> {
    this.clearTimer(key);
    const outcome = await this.safeCheck(key);

    const delay = this.nextDelayMs(key, outcome);
    const scheduled = this.active && this.keys.has(key);
    if (scheduled) this.schedule(key, delay);
    this.options.onSettled?.({ key, outcome, nextDelayMs: delay, scheduled });
    return outcome;
  }

  private async safeCheck(key: K): Promise<RefreshCheckOutcome> {
    try {
      return await this.options.check(key);
    } catch (error) {
      this.options.onCheckError?.(key, error);
      return { kind: 'unknown' };
    }
  }

  private nextDelayMs(key: K, outcome: RefreshCheckOutcome): number {
    if (outcome === 'ok') {
      this.failures.delete(key);
      return this.successDelayMs();
    }

    const failures = this.failureCount(key) + 1;
    this.failures.set(key, failures);
    const isTransient = this.options.isTransient ?? isTransientKind;
    if (isTransient(outcome.kind)) {
      return backoffDelayMs(
        failures,
        {
          initialMs: this.options.backoffInitialMs,
          maxMs: this.options.backoffMaxMs,
        },
        this.options.random,
      );
    }
    return jitteredIntervalMs(
      this.options.backoffMaxMs,
      this.options.jitterRatio,
      this.options.random,
    );
  }

  private successDelayMs(): number {
    return jitteredIntervalMs(
      this.options.intervalMs,
      this.options.jitterRatio,
      this.options.random,
    );
  }

  private schedule(key: K, delayMs: number): void {
    this.clearTimer(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      void this.runNow(key);
    }, delayMs);
    // A refresh timer must never be the reason the process stays up.
    timer.unref?.();
    this.timers.set(key, timer);
  }

  private clearTimer(key: K): void {
    const timer = this.timers.get(key);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.timers.delete(key);
  }
}
