/**
 * Per-key "not before" times. When one check covers many secrets (list
 * mode), a secret that failed for a reason that will not pass on its own
 * (not found, access denied) is skipped until its slow retry is due,
 * while the others keep their normal interval.
 */
export class RetryGate<K = string> {
  private readonly notBefore = new Map<K, number>();

  /** Whether `key` may be tried at `now` (epoch milliseconds). */
  isOpen(key: K, now: number): boolean {
    return (this.notBefore.get(key) ?? 0) <= now;
  }

  /** Closes `key` until `until` (epoch milliseconds). */
  closeUntil(key: K, until: number): void {
    this.notBefore.set(key, until);
  }

  /** Opens `key` again (after a success). */
  open(key: K): void {
    this.notBefore.delete(key);
  }
}
