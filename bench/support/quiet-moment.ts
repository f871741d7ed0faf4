import type { CountingProxy } from './counting-proxy.js';
import { sleep } from './sleep.js';

const POLL_MS = 5;
/** Longest wait for a quiet moment before giving up. */
const GIVE_UP_MS = 60_000;

/**
 * Waits until no call is in flight and none arrived for `quietMs`; returns
 * that moment. Windows cut at such moments hold whole checks only, so the
 * calls counted and the checks the library recorded match.
 */
export async function quietMoment(
  proxy: CountingProxy,
  quietMs: number,
): Promise<number> {
  const start = performance.now();
  for (;;) {
    const now = performance.now();
    if (proxy.inFlight() === 0 && now - proxy.lastCallAt() >= quietMs) {
      return now;
    }
    if (now - start > GIVE_UP_MS) {
      throw new Error(`no quiet moment of ${quietMs} ms within a minute`);
    }
    await sleep(POLL_MS);
  }
}
