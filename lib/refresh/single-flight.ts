/**
 * At most one in-flight call per key: concurrent callers of the same key
 * share one promise. Nothing is kept once it settles, so a rejection is
 * never served to a later caller as a result.
 */
export class SingleFlight<K, V> {
  private readonly inFlight = new Map<K, Promise<V>>();

  /** Runs `task` for `key`, or joins the call already running for it. */
  run(key: K, task: () => Promise<V>): Promise<V> {
    const running = this.inFlight.get(key);
    if (running) return running;

    const promise = Promise.resolve()
      .then(task)
      .finally(() => {
        // Only the call that registered itself may clear the slot.
        if (this.inFlight.get(key) === promise) this.inFlight.delete(key);
      });
    this.inFlight.set(key, promise);
    return promise;
  }

  /** Whether a call for `key` is running now. */
  isRunning(key: K): boolean {
    return this.inFlight.has(key);
  }

  /** Number of keys with a call running now. */
  get size(): number {
    return this.inFlight.size;
  }
}
