import { describe, expect, it, vi } from 'vitest';
import { SingleFlight } from '../../../lib/refresh/single-flight.js';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SingleFlight', () => {
  it('shares one call between concurrent callers of a key', async () => {
    const flights = new SingleFlight<string, number>();
    const gate = deferred<number>();
    const task = vi.fn(() => gate.promise);

    const first = flights.run('a', task);
    const second = flights.run('a', task);
    gate.resolve(7);

    await expect(Promise.all([first, second])).resolves.toEqual([7, 7]);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs different keys independently', async () => {
    const flights = new SingleFlight<string, string>();
    const task = vi.fn(async () => 'x');

    await Promise.all([flights.run('a', task), flights.run('b', task)]);

    expect(task).toHaveBeenCalledTimes(2);
  });

  it('never serves a failure to a later caller', async () => {
    const flights = new SingleFlight<string, number>();
    await expect(
      flights.run('a', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');

    expect(flights.isRunning('a')).toBe(false);
    await expect(flights.run('a', async () => 1)).resolves.toBe(1);
  });

  it('does not keep a success either: the next call runs again', async () => {
    const flights = new SingleFlight<string, number>();
    const task = vi.fn(async () => 1);

    await flights.run('a', task);
    await flights.run('a', task);

    expect(task).toHaveBeenCalledTimes(2);
    expect(flights.size).toBe(0);
  });

  it('turns a synchronous throw into a rejection', async () => {
    const flights = new SingleFlight<string, number>();
    const task = () => {
      throw new Error('sync');
    };

    await expect(flights.run('a', task)).rejects.toThrow('sync');
    expect(flights.isRunning('a')).toBe(false);
  });
});
