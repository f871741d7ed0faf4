import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecentResultLimiter } from '../../../lib/refresh/rate-limiter.js';

describe('RecentResultLimiter forced runs', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('skips a recent shared outcome once per window', async () => {
    const limiter = new RecentResultLimiter<string, number>({
      minIntervalMs: 1000,
    });
    let calls = 0;
    const task = vi.fn(async () => ++calls);

    expect(await limiter.run('a', task)).toBe(1);
    vi.advanceTimersByTime(100);
    expect(await limiter.run('a', task, { force: true })).toBe(2);
    vi.advanceTimersByTime(100);
    // A second forced call in the same window shares the forced outcome.
    expect(await limiter.run('a', task, { force: true })).toBe(2);
    expect(await limiter.run('a', task)).toBe(2);

    expect(task).toHaveBeenCalledTimes(2);
  });

  it('keeps a loop of forced calls to two runs per window', async () => {
    const limiter = new RecentResultLimiter<string, string>({
      minIntervalMs: 1000,
    });
    const task = vi.fn(async () => {
      throw new Error('denied');
    });

    for (let i = 0; i < 100; i++) {
      await limiter.run('a', task, { force: true }).catch(() => undefined);
      vi.advanceTimersByTime(5);
    }

    // 100 calls within 500 ms: one normal run, one forced run.
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('joins a run in flight instead of starting another', async () => {
    const limiter = new RecentResultLimiter<string, number>({
      minIntervalMs: 1000,
    });
    let release!: (n: number) => void;
    const task = vi.fn(
      () => new Promise<number>((resolve) => (release = resolve)),
    );

    const first = limiter.run('a', task);
    const forced = limiter.run('a', task, { force: true });
    await Promise.resolve();
    release(7);

    expect(await first).toBe(7);
    expect(await forced).toBe(7);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('forces per key', async () => {
    const limiter = new RecentResultLimiter<string, string>({
      minIntervalMs: 1000,
    });
    const task = vi.fn(async () => 'v');

    await limiter.run('a', task);
    await limiter.run('b', task);
    await limiter.run('a', task, { force: true });
    await limiter.run('b', task, { force: true });

    expect(task).toHaveBeenCalledTimes(4);
  });
});
