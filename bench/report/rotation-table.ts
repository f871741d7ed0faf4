import { ms, table } from './format.js';
import type { BenchResults } from './results.js';

/** Rotation delays measured, and the expectation at the default. */
export function rotationTable(rotation: BenchResults['rotation']): string {
  const rows = rotation.measured.map((r) => [
    ms(r.intervalMs),
    `${r.seen}/${r.trials}`,
    ms(r.medianMs),
    ms(r.minMs),
    ms(r.maxMs),
    `≤ ${ms(r.boundMs)} + one check`,
  ]);
  const d = rotation.atDefault;
  rows.push([
    `${ms(d.intervalMs)} (default)`,
    'expected, not waited',
    `≈ ${ms(d.meanMs)} (mean)`,
    '≈ 0',
    `≈ ${ms(d.boundMs)}`,
    `≤ ${ms(d.boundMs)} + one check`,
  ]);
  return table(
    ['refreshIntervalMs', 'seen', 'median', 'min', 'max', 'bound'],
    rows,
  );
}
