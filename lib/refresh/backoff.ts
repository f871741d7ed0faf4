/** Settings of the retry backoff, in milliseconds. */
export interface BackoffSettings {
  /** Upper bound of the first retry delay, in milliseconds. */
  readonly initialMs: number;
  /** Largest delay ever returned, in milliseconds. */
  readonly maxMs: number;
}

/**
 * Upper bound of the delay after `failures` consecutive failures, in
 * milliseconds: `initialMs` doubled per failure after the first, capped at
 * `maxMs`. Returns `0` when there was no failure.
 *
 * @param failures - Consecutive failures so far (1 after the first).
 */
export function backoffBoundMs(
  failures: number,
  settings: BackoffSettings,
): number {
  if (failures < 1) return 0;

  // Capping the exponent keeps 2 ** n finite for absurd failure counts.
  const exponent = Math.min(failures - 1, 52);
  return Math.min(settings.maxMs, settings.initialMs * 2 ** exponent);
}

/**
 * Delay before the next retry after `failures` consecutive failures, in
 * milliseconds: a random point in the upper half of `backoffBoundMs`
 * ("equal jitter").
 *
 * Plain full jitter (anywhere from 0 to the bound) can draw a delay near
 * zero at any attempt, so a run of bad luck could still hammer the API; the
 * half-bound floor makes the call rate during a sustained failure bounded
 * whatever the random source returns.
 *
 * @param failures - Consecutive failures so far (1 after the first).
 * @param random - Source of uniform numbers in [0, 1). Default: `Math.random`.
 */
export function backoffDelayMs(
  failures: number,
  settings: BackoffSettings,
  random: () => number = Math.random,
): number {
  const bound = backoffBoundMs(failures, settings);
  const half = bound / 2;

  return Math.round(half + clampUnit(random()) * half);
}

function clampUnit(value: number): number {
  if (!Number.isFinite(value) || value < 0) return 0;
  return value >= 1 ? 1 : value;
}
