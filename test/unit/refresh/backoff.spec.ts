import { describe, expect, it } from 'vitest';
import {
  backoffBoundMs,
  backoffDelayMs,
} from '../../../lib/refresh/backoff.js';

const settings = { initialMs: 1000, maxMs: 300_000 };

describe('backoffBoundMs', () => {
  it('starts at initialMs and doubles per failure, in milliseconds', () => {
    const bounds = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) =>
      backoffBoundMs(n, settings),
    );

    expect(bounds).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 256_000,
    ]);
  });

  it('is capped at maxMs however many failures', () => {
    expect(backoffBoundMs(10, settings)).toBe(300_000);
    expect(backoffBoundMs(10_000, settings)).toBe(300_000);
  });

  it('is zero without a failure', () => {
    expect(backoffBoundMs(0, settings)).toBe(0);
  });
});

describe('backoffDelayMs', () => {
  it('stays within the upper half of the bound for any random draw', () => {
    for (const draw of [0, 0.25, 0.5, 0.999_999]) {
      for (let failures = 1; failures <= 12; failures++) {
        const bound = backoffBoundMs(failures, settings);
        const delay = backoffDelayMs(failures, settings, () => draw);

        expect(delay).toBeGreaterThanOrEqual(bound / 2);
        expect(delay).toBeLessThanOrEqual(bound);
      }
    }
  });

  it('is a real second, not a millisecond, after the first failure', () => {
    expect(backoffDelayMs(1, settings, () => 0)).toBe(500);
    expect(backoffDelayMs(1, settings, () => 0.999_999)).toBe(1000);
  });

  it('tolerates a broken random source', () => {
    expect(backoffDelayMs(3, settings, () => Number.NaN)).toBe(2000);
    expect(backoffDelayMs(3, settings, () => 7)).toBe(4000);
  });

  it('makes few attempts per minute during a sustained failure', () => {
    // Worst case for the call rate: every draw gives the shortest delay.
    const perMinute = attemptsPerMinute(() => 0, 10);

    expect(perMinute[0]).toBeLessThanOrEqual(8);
    // Once the bound reaches 300 s, at most one attempt per 150 s.
    for (const count of perMinute.slice(3))
      expect(count).toBeLessThanOrEqual(1);
    expect(perMinute.reduce((a, b) => a + b, 0)).toBeLessThan(20);
  });
});

function attemptsPerMinute(random: () => number, minutes: number): number[] {
  const counts = new Array<number>(minutes).fill(0);
  let at = 0;
  let failures = 0;
  while (at < minutes * 60_000) {
    counts[Math.floor(at / 60_000)]++;
    failures++;
    at += backoffDelayMs(failures, settings, random);
  }
  return counts;
}
