import type { HotReadResults } from '../scenarios/hot-reads.js';
import { ratio } from '../support/statistics.js';
import { num, table, times } from './format.js';

/** Nanoseconds per read and the ratio to a plain object field. */
export function readsTable(reads: HotReadResults): string {
  const base = reads.reads.find((r) => r.method === 'plain')?.nsPerRead ?? 0;
  return table(
    ['Read', 'ns per read (median)', '× plain field', '± rme'],
    reads.reads.map((r) => [
      r.name,
      num(r.nsPerRead),
      times(ratio(r.nsPerRead, base)),
      `${num(r.rmePercent)} %`,
    ]),
  );
}
