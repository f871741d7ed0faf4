/** Median of a non-empty list (mean of the two middle values when even). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Smallest and largest value of a non-empty list. */
export function range(values: readonly number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}

/** How many times `slower` takes longer than `faster` (or costs more). */
export function ratio(slower: number, faster: number): number {
  return faster > 0 ? slower / faster : Number.POSITIVE_INFINITY;
}

/** Milliseconds elapsed while `action` ran, from `performance.now()`. */
export async function timeMs(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

/** Sum of the counts in a per-operation record. */
export function totalCalls(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
