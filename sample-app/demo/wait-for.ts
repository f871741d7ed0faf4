import { DemoCheckError } from './demo-step.js';

/** Longest wait for the running app to pick a change up, in milliseconds. */
export const PICK_UP_TIMEOUT_MS = 15_000;

/** Pause between two polls, in milliseconds. */
const POLL_MS = 250;

/**
 * Polls `probe` until it returns a value other than `undefined`, or fails
 * with `what` after `timeoutMs`. The demo polls because it watches another
 * process; tests use events and fake clocks instead.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = PICK_UP_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) {
      throw new DemoCheckError(`${what} did not happen within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
