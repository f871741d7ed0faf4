import { describe, expect, it } from 'vitest';
import { jitteredIntervalMs } from '../../../lib/refresh/jitter.js';

describe('jitteredIntervalMs', () => {
  it('shortens the interval by random * ratio of itself', () => {
    expect(jitteredIntervalMs(300_000, 0.1, () => 0)).toBe(300_000);
    expect(jitteredIntervalMs(300_000, 0.1, () => 0.5)).toBe(285_000);
    expect(jitteredIntervalMs(300_000, 0.1, () => 0.999_999)).toBe(270_000);
  });

  it('never lengthens the interval nor goes below zero', () => {
    expect(jitteredIntervalMs(60_000, 5, () => 0.999_999)).toBe(0);
    expect(jitteredIntervalMs(60_000, -1, () => 0.5)).toBe(60_000);
    expect(jitteredIntervalMs(60_000, 0.2, () => 3)).toBe(48_000);
  });

  it('spreads a fleet over the jitter window', () => {
    const draws = [0.1, 0.4, 0.7, 0.9];
    const waits = draws.map((d) => jitteredIntervalMs(60_000, 0.1, () => d));

    expect(new Set(waits).size).toBe(draws.length);
  });
});
