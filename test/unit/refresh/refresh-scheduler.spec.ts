import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  RefreshScheduler,
  type RefreshCheckOutcome,
  type RefreshSchedulerOptions,
} from '../../../lib/refresh/refresh-scheduler.js';

const MINUTE = 60_000;

function scheduler(
  check: (key: string) => Promise<RefreshCheckOutcome>,
  overrides: Partial<RefreshSchedulerOptions<string>> = {},
) {
  return new RefreshScheduler<string>({
    intervalMs: 5 * MINUTE,
    jitterRatio: 0.1,
    backoffInitialMs: 1000,
    backoffMaxMs: 5 * MINUTE,
    random: () => 0,
    check,
    ...overrides,
  });
}

describe('RefreshScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('checks each key once per jittered interval after start', async () => {
    const check = vi.fn(
      async (_key: string): Promise<RefreshCheckOutcome> => 'ok',
    );
    const s = scheduler(check, { random: () => 0.5 });
    s.start(['a', 'b']);

    // 5 min shortened by 0.5 * 0.1 of itself: 285 s.
    await vi.advanceTimersByTimeAsync(284_999);
    expect(check).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(check.mock.calls.map(([key]) => key)).toEqual(['a', 'b']);

    await vi.advanceTimersByTimeAsync(285_000);
    expect(check).toHaveBeenCalledTimes(4);
    s.stop();
  });

  it('backs off exponentially after transient failures, then recovers', async () => {
    const outcomes: RefreshCheckOutcome[] = [
      { kind: 'throttled' },
      { kind: 'network' },
      { kind: 'server' },
      'ok',
    ];
    const times: number[] = [];
    const check = vi.fn(async () => {
      times.push(Date.now());
      return outcomes.shift() ?? 'ok';
    });
    const s = scheduler(check, { intervalMs: MINUTE, jitterRatio: 0 });
    s.start(['a']);

    await vi.advanceTimersByTimeAsync(MINUTE + 500 + 1000 + 2000);
    // Failures at 60 s, then waits of 0.5 s, 1 s, 2 s (random 0: half bound).
    expect(times).toEqual([60_000, 60_500, 61_500, 63_500]);
    expect(s.failureCount('a')).toBe(0);

    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(times.at(-1)).toBe(123_500);
    s.stop();
  });

  it('waits backoffMaxMs after a non-transient failure', async () => {
    const times: number[] = [];
    const check = vi.fn(async (): Promise<RefreshCheckOutcome> => {
      times.push(Date.now());
      return { kind: 'access-denied' };
    });
    const s = scheduler(check, {
      intervalMs: MINUTE,
      backoffMaxMs: 10 * MINUTE,
    });
    s.start(['a']);

    await vi.advanceTimersByTimeAsync(21 * MINUTE);

    expect(times).toEqual([MINUTE, 11 * MINUTE, 21 * MINUTE]);
    expect(s.failureCount('a')).toBe(3);
    s.stop();
  });

  it('makes few API calls per minute during a sustained throttling', async () => {
    let calls = 0;
    const perMinute: number[] = [];
    const check = vi.fn(async (): Promise<RefreshCheckOutcome> => {
      calls++;
      return { kind: 'throttled' };
    });
    // Worst case for the call rate: every draw gives the shortest wait.
    const s = scheduler(check, { intervalMs: 1000, random: () => 0 });
    s.start(['a']);

    for (let minute = 0; minute < 15; minute++) {
      const before = calls;
      await vi.advanceTimersByTimeAsync(MINUTE);
      perMinute.push(calls - before);
    }
    s.stop();

    expect(perMinute[0]).toBeLessThanOrEqual(8);
    for (const count of perMinute.slice(4))
      expect(count).toBeLessThanOrEqual(1);
    expect(calls).toBeLessThan(20);
  });

  it('runNow checks at once, joins a running check and reschedules', async () => {
    let release!: (outcome: RefreshCheckOutcome) => void;
    const check = vi.fn(
      () => new Promise<RefreshCheckOutcome>((resolve) => (release = resolve)),
    );
    const s = scheduler(check, { intervalMs: MINUTE, jitterRatio: 0 });
    s.start(['a']);
    await vi.advanceTimersByTimeAsync(30_000);

    const first = s.runNow('a');
    const second = s.runNow('a');
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(1);
    release('ok');
    await expect(Promise.all([first, second])).resolves.toEqual(['ok', 'ok']);

    // The timer restarted from the manual check: next at 30 s + 60 s.
    await vi.advanceTimersByTimeAsync(MINUTE - 1);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(check).toHaveBeenCalledTimes(2);
    s.stop();
  });

  it('stop clears every timer, and a check in flight does not reschedule', async () => {
    let release!: (outcome: RefreshCheckOutcome) => void;
    const check = vi.fn(
      () => new Promise<RefreshCheckOutcome>((resolve) => (release = resolve)),
    );
    const s = scheduler(check, { intervalMs: MINUTE, jitterRatio: 0 });
    s.start(['a', 'b', 'c']);
    expect(vi.getTimerCount()).toBe(3);

    const running = s.runNow('a');
    await vi.advanceTimersByTimeAsync(0);
    s.stop();
    expect(vi.getTimerCount()).toBe(0);
    release('ok');
    await running;

    expect(vi.getTimerCount()).toBe(0);
    expect(s.running).toBe(false);
  });

  it('runNow works while stopped without scheduling anything', async () => {
    const check = vi.fn(async (): Promise<RefreshCheckOutcome> => 'ok');
    const s = scheduler(check);

    await expect(s.runNow('a')).resolves.toBe('ok');

    expect(vi.getTimerCount()).toBe(0);
    expect(s.isScheduled('a')).toBe(false);
  });

  it('counts a rejected check as an unknown failure and keeps going', async () => {
    const onCheckError = vi.fn();
    const check = vi
      .fn<(key: string) => Promise<RefreshCheckOutcome>>()
      .mockRejectedValueOnce(new TypeError('bug'))
      .mockResolvedValue('ok');
    const s = scheduler(check, {
      intervalMs: MINUTE,
      backoffMaxMs: 2 * MINUTE,
      jitterRatio: 0,
      onCheckError,
    });
    s.start(['a']);

    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(onCheckError).toHaveBeenCalledWith('a', expect.any(TypeError));
    expect(s.failureCount('a')).toBe(1);

    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(check).toHaveBeenCalledTimes(2);
    expect(s.failureCount('a')).toBe(0);
    s.stop();
  });

  it('add schedules a key while running; remove unschedules it', async () => {
    const check = vi.fn(async (): Promise<RefreshCheckOutcome> => 'ok');
    const s = scheduler(check, { intervalMs: MINUTE, jitterRatio: 0 });
    s.start();
    s.add('a');
    s.add('b');
    s.remove('b');

    await vi.advanceTimersByTimeAsync(MINUTE);

    expect(check.mock.calls).toEqual([['a']]);
    s.stop();
  });
});

describe('RefreshScheduler timers', () => {
  it('never keep the process alive', () => {
    const timeouts = () =>
      process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timeouts();
    const s = scheduler(async () => 'ok');

    s.start(['a', 'b', 'c']);
    const during = timeouts();
    s.stop();

    expect(s.isScheduled('a')).toBe(false);
    expect(during).toBe(before);
  });
});

describe('RefreshScheduler onSettled', () => {
  it('reports each finished check with its outcome and next wait', async () => {
    const settled: unknown[] = [];
    const s = new RefreshScheduler<string>({
      intervalMs: 60_000,
      jitterRatio: 0,
      backoffInitialMs: 1000,
      backoffMaxMs: 300_000,
      random: () => 0,
      check: async () => ({ kind: 'throttled' }),
      onSettled: (event) => settled.push(event),
    });

    await s.runNow('a');
    s.start(['a']);
    await s.runNow('a');
    s.stop();

    expect(settled).toEqual([
      {
        key: 'a',
        outcome: { kind: 'throttled' },
        nextDelayMs: 500,
        scheduled: false,
      },
      {
        key: 'a',
        outcome: { kind: 'throttled' },
        nextDelayMs: 1000,
        scheduled: true,
      },
    ]);
  });
});
