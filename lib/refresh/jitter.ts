/**
 * A refresh interval shortened at random by up to `ratio` of itself, in
 * milliseconds, so that a fleet of processes started together does not
 * poll in step. Never longer than `intervalMs`, so the freshness bound
 * holds.
 *
 * @param intervalMs - Nominal interval, in milliseconds.
 * @param ratio - Largest fraction removed, clamped to [0, 1].
 * @param random - Source of uniform numbers in [0, 1). Default: `Math.random`.
 */
export function jitteredIntervalMs(
  intervalMs: number,
  ratio: number,
  random: () => number = Math.random,
): number {
  const safeRatio = clamp(ratio);
  const draw = clamp(random());

  return Math.round(intervalMs * (1 - draw * safeRatio));
}

function clamp(value: number): number {
  if (!Number.isFinite(value) || value < 0) return 0;
  return value > 1 ? 1 : value;
}
