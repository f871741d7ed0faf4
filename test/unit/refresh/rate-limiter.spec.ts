import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecentResultLimiter } from '../../../lib/refresh/rate-limiter.js';

describe('RecentResultLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shares the last result with calls inside minIntervalMs', async () => {
    const limiter = new RecentResultLimiter<string, number>({
      minIntervalMs: 1000,
    });
    let calls = 0;
    const task = vi.fn(async () => ++calls);

    expect(await limiter.run('a', task)).toBe(1);
    vi.advanceTimersByTime(999);
    expect(await limiter.run('a', task)).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await limiter.run('a', task)).toBe(2);

    expect(task).toHaveBeenCalledTimes(2);
  });

  it('bounds a tight loop of calls to one per window', async () => {
    const limiter = new RecentResultLimiter<string, string>({
      minIntervalMs: 1000,
    });
    const task = vi.fn(async () => 'v');

    for (let i = 0; i < 500; i++) {
      await limiter.run('a', task);
      vi.advanceTimersByTime(10);
    }

    // 500 calls over 5 s: one API call per started second.
    expect(task).toHaveBeenCalledTimes(5);
  });

  it('joins a call in flight instead of starting another', async () => {
    const limiter = new RecentResultLimiter<string, number>({
      minIntervalMs: 0,
    });
    let release!: (n: number) => void;
    const task = vi.fn(
      () => new Promise<number>((resolve) => (release = resolve)),
    );

    const first = limiter.run('a', task);
    const second = limiter.run('a', task);
    await Promise.resolve();
    release(3);

    await expect(Promise.all([first, second])).resolves.toEqual([3, 3]);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('replays a failure only within the window, then calls again', async () => {
    const limiter = new RecentResultLimiter<string, number>({
      minIntervalMs: 1000,
    });
    const failing = vi.fn(async () => {
      throw new Error('throttled');
    });

    await expect(limiter.run('a', failing)).rejects.toThrow('throttled');
    await expect(limiter.run('a', failing)).rejects.toThrow('throttled');
    expect(failing).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(1000);
    await expect(limiter.run('a', async () => 9)).resolves.toBe(9);
  });

  it('keeps keys apart and can forget one', async () => {
    const limiter = new RecentResultLimiter<string, string>({
      minIntervalMs: 1000,
    });
    const task = vi.fn(async () => 'v');

    await limiter.run('a', task);
    await limiter.run('b', task);
    limiter.forget('a');
    await limiter.run('a', task);
    await limiter.run('b', task);

    expect(task).toHaveBeenCalledTimes(3);
  });
});
