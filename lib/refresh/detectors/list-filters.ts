/** Most values one `ListSecrets` filter accepts (API limit). */
export const LIST_FILTER_MAX_VALUES = 10;

/** Shortest prefix `planNameFilters` may merge names into, by default. */
export const LIST_FILTER_MIN_MERGED_PREFIX = 4;

const ARN_SECRET_MARK = ':secret:';
// Secrets Manager appends "-" and six random characters to every ARN.
const ARN_SUFFIX = /-[A-Za-z0-9]{6}$/;

/**
 * The `name` filter value that lists the secret `secretId`: the name
 * itself, or for an ARN its name part without the random suffix. The value
 * is always a prefix of the real name (the filter matches prefixes), even
 * for a partial ARN whose name happens to end like a suffix.
 */
export function nameFilterPrefix(secretId: string): string {
  const mark = secretId.startsWith('arn:')
    ? secretId.indexOf(ARN_SECRET_MARK)
    : -1;
  if (mark < 0) return secretId;

  const name = secretId.slice(mark + ARN_SECRET_MARK.length);
  return name.replace(ARN_SUFFIX, '');
}

/**
 * Whether a `ListSecrets` entry is the secret `secretId`: the same name, the
 * same full ARN, or a partial ARN (without the random suffix) of it.
 */
export function isListedSecret(
  secretId: string,
  entry: { readonly ARN?: string; readonly Name?: string },
): boolean {
  if (!secretId.startsWith('arn:')) return entry.Name === secretId;
  if (!entry.ARN) return false;
  if (entry.ARN === secretId) return true;

  const rest = entry.ARN.slice(secretId.length);
  return (
    entry.ARN.startsWith(secretId) && ARN_SUFFIX.test(rest) && rest.length === 7
  );
}

/** Settings of `planNameFilters`. */
export interface NameFilterPlanOptions {
  /** Values per call. Default: `LIST_FILTER_MAX_VALUES` (10). */
  readonly maxValues?: number;
  /**
   * Shortest common prefix two names may be merged into to save a call.
   * Default: `LIST_FILTER_MIN_MERGED_PREFIX` (4 characters).
   */
  readonly minMergedPrefix?: number;
}

/**
 * Plans the `name` filter values of a listing: one group of at most
 * `maxValues` prefixes per `ListSecrets` call series.
 *
 * Names covered by another value are dropped. When more than one call
 * would be needed, neighbouring names are merged into their longest common
 * prefix (longest first) while that saves calls. A merged prefix may list
 * secrets nobody asked for; they cost only listing pages and are ignored.
 */
export function planNameFilters(
  prefixes: readonly string[],
  options: NameFilterPlanOptions = {},
): string[][] {
  const maxValues = options.maxValues ?? LIST_FILTER_MAX_VALUES;
  const minMerged = options.minMergedPrefix ?? LIST_FILTER_MIN_MERGED_PREFIX;
  const values = dropCovered(prefixes);
  const merged =
    values.length > maxValues
      ? mergeNeighbours(values, maxValues, minMerged)
      : values;
  const chosen =
    calls(merged, maxValues) < calls(values, maxValues) ? merged : values;

  const groups: string[][] = [];
  for (let start = 0; start < chosen.length; start += maxValues) {
    groups.push(chosen.slice(start, start + maxValues));
  }
  return groups;
}

function calls(values: readonly string[], maxValues: number): number {
  return Math.ceil(values.length / maxValues);
}

function dropCovered(prefixes: readonly string[]): string[] {
  const sorted = [...new Set(prefixes)].filter(Boolean).sort();
  const kept: string[] = [];
  for (const value of sorted) {
    // In sorted order, a value covered by any kept prefix is covered by the
    // last one kept.
    const last = kept.at(-1);
    if (last === undefined || !value.startsWith(last)) kept.push(value);
  }
  return kept;
}

function mergeNeighbours(
  values: string[],
  maxValues: number,
  minMerged: number,
): string[] {
  let current = values;
  while (current.length > maxValues) {
    let best = -1;
    let bestPrefix = '';
    for (let i = 0; i + 1 < current.length; i++) {
      const prefix = commonPrefix(current[i], current[i + 1]);
      if (prefix.length > bestPrefix.length) {
        best = i;
        bestPrefix = prefix;
      }
    }
    if (best < 0 || bestPrefix.length < minMerged) break;

    current = dropCovered([
      ...current.slice(0, best),
      bestPrefix,
      ...current.slice(best + 2),
    ]);
  }
  return current;
}

function commonPrefix(a: string, b: string): string {
  let length = 0;
  while (length < a.length && a[length] === b[length]) length++;
  return a.slice(0, length);
}
