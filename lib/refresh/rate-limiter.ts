import { SingleFlight } from './single-flight.js';

/** Settings of `RecentResultLimiter`. */
export interface RecentResultLimiterOptions {
  /**
   * Smallest time between two completed calls of one key, in
   * milliseconds; calls in between share the last outcome.
   */
  readonly minIntervalMs: number;
  /** Clock in milliseconds. Default: `Date.now`. */
  readonly now?: () => number;
}

interface Outcome<V> {
  readonly settledAt: number;
  readonly ok: boolean;
  readonly value?: V;
  readonly error?: unknown;
}

/** Options of one `RecentResultLimiter.run` call. */
export interface LimiterRunOptions {
  /**
   * Start a new call even though a recent outcome exists, unless another
   * forced call of the key started within `minIntervalMs` (then the
   * recent outcome is shared as usual). Default: `false`.
   */
  readonly force?: boolean;
}

/**
 * Rate limit for on-demand refreshes: single flight per key, and a call
 * that arrives within `minIntervalMs` of the last completed call of its key
 * gets that call's outcome instead of starting a new one.
 *
 * A failed outcome is shared too, within the window only: a loop that
 * calls `refresh()` while AWS throttles must not turn into a request storm.
 * A forced call skips the shared outcome at most once per `minIntervalMs`
 * per key, so even a loop of forced calls starts at most two calls per
 * window. Nothing is kept as a secret value; this only bounds the call
 * rate.
 */
export class RecentResultLimiter<K, V> {
  private readonly flights = new SingleFlight<K, V>();
  private readonly last = new Map<K, Outcome<V>>();
  private readonly forcedAt = new Map<K, number>();
  private readonly now: () => number;

  constructor(private readonly options: RecentResultLimiterOptions) {
    // Read through a closure so that a clock faked after construction
    // (tests) is still the one used.
    this.now = options.now ?? (() => Date.now());
  }

  /** Runs `task` for `key`, joins a running call, or replays a recent one. */
  run(
    key: K,
    task: () => Promise<V>,
    options: LimiterRunOptions = {},
  ): Promise<V> {
    const now = this.now();
    const recent = this.last.get(key);
    const fresh = recent && now - recent.settledAt < this.options.minIntervalMs;
    if (fresh && !this.flights.isRunning(key)) {
      if (!options.force || !this.mayForce(key, now)) return replay(recent);
      this.forcedAt.set(key, now);
    }

    return this.flights.run(key, () => this.track(key, task));
  }

  /** Forgets the last outcome of `key` (or of every key). */
  forget(key?: K): void {
    if (key === undefined) {
      this.last.clear();
      this.forcedAt.clear();
    } else {
      this.last.delete(key);
      this.forcedAt.delete(key);
    }
  }

  private mayForce(key: K, now: number): boolean {
    const forced = this.forcedAt.get(key);
    return forced === undefined || now - forced >= this.options.minIntervalMs;
  }

  private async track(key: K, task: () => Promise<V>): Promise<V> {
    try {
      const value = await task();
      this.last.set(key, { settledAt: this.now(), ok: true, value });
      return value;
    } catch (error) {
      this.last.set(key, { settledAt: this.now(), ok: false, error });
      throw error;
    }
  }
}

function replay<V>(outcome: Outcome<V>): Promise<V> {
  return outcome.ok
    ? Promise.resolve(outcome.value as V)
    : Promise.reject(outcome.error);
}
