/**
 * The cache of the seed notes' "Ruby with Cache" example: a `Map` of parsed
 * values with a fetch time, checked against a TTL on every read. Only the
 * hit path is measured, so no loader is attached.
 */
export class TtlMapCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();

  constructor(private readonly ttlMs: number) {}

  /** Stores `value` as fetched now. */
  set(key: string, value: V): void {
    this.entries.set(key, { value, at: Date.now() });
  }

  /** The value if present and younger than the TTL, else `undefined`. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry && Date.now() - entry.at < this.ttlMs) return entry.value;
    return undefined;
  }
}
