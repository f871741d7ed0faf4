import type { CountedMode } from './scenarios/api-calls.js';

/** Settings of one `npm run bench`; durations in milliseconds. */
export interface BenchConfig {
  /** Secret counts for the boot comparison. */
  readonly bootSizes: readonly number[];
  /** Measured boot runs per size. */
  readonly bootRuns: (secrets: number) => number;
  /** Size and count of the discarded warm-up rounds of every boot method. */
  readonly bootWarmupSize: number;
  readonly bootWarmupRounds: number;
  /** Secrets the API-call scenario declares. */
  readonly callSecrets: number;
  /**
   * Refresh interval per mode while calls are counted. The per-secret
   * modes run slower, so that moto_server keeps up with 100 checks.
   */
  readonly callIntervalsMs: Readonly<Record<CountedMode, number>>;
  /** How long calls are counted per refresh mode. */
  readonly callWindowMs: number;
  /** Refresh intervals at which rotation delay is measured. */
  readonly rotationIntervalsMs: readonly number[];
  /** Rotations per interval. */
  readonly rotationTrials: (intervalMs: number) => number;
  /** Secrets cached in the memory scenario. */
  readonly memorySecrets: number;
  /** Time budget per hot-read task, plus its warm-up. */
  readonly readTaskMs: number;
}

const quick = process.env.BENCH_QUICK === '1';

/**
 * The defaults keep `npm run bench` within about ten minutes on two cores;
 * `BENCH_QUICK=1` shrinks everything for a smoke run of the harness.
 */
export const BENCH_CONFIG: BenchConfig = {
  bootSizes: quick ? [10, 100] : [10, 100, 500],
  bootRuns: (secrets) => (quick ? 2 : secrets >= 500 ? 3 : 5),
  bootWarmupSize: 100,
  bootWarmupRounds: quick ? 1 : 3,
  callSecrets: 100,
  callIntervalsMs: { list: 1_000, describe: 5_000, ttl: 5_000 },
  callWindowMs: quick ? 4_000 : 10_000,
  rotationIntervalsMs: [1_000, 5_000],
  rotationTrials: (intervalMs) => (quick ? 2 : intervalMs <= 1_000 ? 8 : 5),
  memorySecrets: 500,
  readTaskMs: quick ? 200 : 600,
};
