/**
 * A bounded least-recently-used cache on a `Map` (whose insertion order is
 * the recency order). Used for secrets fetched at run time without a
 * declaration.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  /**
   * @param maxEntries - Entries kept; the least recently used goes first.
   *   At least 1.
   */
  constructor(readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError('LruCache maxEntries must be an integer >= 1');
    }
  }

  /** The value of `key`, marking it most recently used. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;

    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** The value of `key`, without changing its recency. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Whether `key` is cached; does not change its recency. */
  has(key: K): boolean {
    return this.entries.has(key);
  }

  /**
   * Stores `value` as most recently used and evicts the least recently
   * used entries beyond `maxEntries`. Returns the evicted keys.
   */
  set(key: K, value: V): K[] {
    this.entries.delete(key);
    this.entries.set(key, value);

    const evicted: K[] = [];
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
      evicted.push(oldest);
    }
    return evicted;
  }

  /** Removes `key`; returns whether it was cached. */
  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  /** Removes every entry. */
  clear(): void {
    this.entries.clear();
  }

  /** Number of entries. */
  get size(): number {
    return this.entries.size;
  }

  /** Keys from least to most recently used. */
  keys(): K[] {
    return [...this.entries.keys()];
  }
}
