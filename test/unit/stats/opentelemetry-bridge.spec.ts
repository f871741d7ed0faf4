import * as otel from '@opentelemetry/api';
import type {
  BatchObservableCallback,
  Meter,
  MeterProvider,
  Observable,
} from '@opentelemetry/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SECRETS_METER_NAME } from '../../../lib/stats/opentelemetry-bridge.js';
import { SecretsStats } from '../../../lib/stats/secrets-stats.js';

interface Observation {
  readonly name: string;
  readonly value: number;
  readonly attributes?: Record<string, unknown>;
}

/**
 * A MeterProvider that records instruments by name, so a test can collect
 * like an SDK reader would: run every batch callback, read what it saw.
 */
class RecordingMeterProvider implements MeterProvider {
  readonly meterNames: string[] = [];
  readonly callbacks = new Set<BatchObservableCallback>();
  readonly histogram: { value: number }[] = [];
  private readonly names = new Map<Observable, string>();

  getMeter(name: string): Meter {
    this.meterNames.push(name);
    const noop = otel.createNoopMeter();
    // One object per instrument (the no-op meter shares one), so that an
    // observation can be traced back to its instrument's name.
    const observable = (instrument: string) => {
      const created: Observable = {
        addCallback: () => undefined,
        removeCallback: () => undefined,
      };
      this.names.set(created, instrument);
      return created;
    };
    return {
      ...noop,
      createObservableCounter: observable,
      createObservableGauge: observable,
      createHistogram: () => ({
        record: (value: number) => void this.histogram.push({ value }),
      }),
      addBatchObservableCallback: (cb: BatchObservableCallback) =>
        void this.callbacks.add(cb),
      removeBatchObservableCallback: (cb: BatchObservableCallback) =>
        void this.callbacks.delete(cb),
    } as Meter;
  }

  collect(): Observation[] {
    const seen: Observation[] = [];
    for (const cb of this.callbacks) {
      void cb({
        observe: (metric, value, attributes) =>
          seen.push({
            name: this.names.get(metric)!,
            value,
            ...(attributes ? { attributes } : {}),
          }),
      });
    }
    return seen;
  }
}

afterEach(() => {
  otel.metrics.disable();
});

function busyStats(importer?: ConstructorParameters<typeof SecretsStats>[0]) {
  const stats = new SecretsStats(importer);
  stats.recordApiCall('BatchGetSecretValue');
  stats.recordApiCall('GetSecretValue');
  stats.recordApiCall('GetSecretValue');
  stats.recordCacheHit();
  stats.recordCacheMiss();
  stats.recordFailure('throttled');
  return stats;
}

describe('OpenTelemetry bridge of SecretsStats', () => {
  it('publishes the counters through the real @opentelemetry/api', async () => {
    const provider = new RecordingMeterProvider();
    otel.metrics.setGlobalMeterProvider(provider);
    const stats = busyStats();

    await stats.onModuleInit();
    stats.recordRefresh(42);

    expect(provider.meterNames).toEqual([SECRETS_METER_NAME]);
    expect(provider.collect()).toEqual(
      expect.arrayContaining([
        {
          name: 'secrets.api.calls',
          value: 1,
          attributes: { operation: 'BatchGetSecretValue' },
        },
        {
          name: 'secrets.api.calls',
          value: 2,
          attributes: { operation: 'GetSecretValue' },
        },
        { name: 'secrets.cache.hits', value: 1 },
        { name: 'secrets.cache.misses', value: 1 },
        { name: 'secrets.refreshes', value: 1 },
        {
          name: 'secrets.failures',
          value: 1,
          attributes: { kind: 'throttled' },
        },
      ]),
    );
    expect(provider.histogram).toEqual([{ value: 42 }]);
  });

  it('reads fresh figures at each collection', async () => {
    const provider = new RecordingMeterProvider();
    otel.metrics.setGlobalMeterProvider(provider);
    const stats = busyStats();
    await stats.onModuleInit();

    stats.recordCacheHit();
    stats.recordCacheHit();

    expect(provider.collect()).toContainEqual({
      name: 'secrets.cache.hits',
      value: 3,
    });
  });

  it('stops publishing at shutdown', async () => {
    const provider = new RecordingMeterProvider();
    otel.metrics.setGlobalMeterProvider(provider);
    const stats = busyStats();
    await stats.onModuleInit();

    stats.onApplicationShutdown();
    stats.recordRefresh(5);

    expect(provider.callbacks.size).toBe(0);
    expect(provider.collect()).toEqual([]);
    expect(provider.histogram).toEqual([]);
  });

  it('loads nothing and keeps counting when the API cannot be imported', async () => {
    const importer = vi.fn(() =>
      Promise.reject(new Error("Cannot find package '@opentelemetry/api'")),
    );
    const provider = new RecordingMeterProvider();
    otel.metrics.setGlobalMeterProvider(provider);
    const stats = busyStats(importer);

    await expect(stats.onModuleInit()).resolves.toBeUndefined();
    stats.recordRefresh(7);

    expect(importer).toHaveBeenCalledOnce();
    expect(provider.meterNames).toEqual([]);
    expect(stats.snapshot().refreshes).toBe(1);
    expect(() => stats.onApplicationShutdown()).not.toThrow();
  });

  it('never imports when publishing is turned off', async () => {
    const provider = new RecordingMeterProvider();
    otel.metrics.setGlobalMeterProvider(provider);
    const stats = busyStats(false);

    await stats.onModuleInit();

    expect(provider.meterNames).toEqual([]);
  });

  it('works with the global no-op meter when no provider is registered', async () => {
    const stats = busyStats();
    await stats.onModuleInit();
    stats.recordRefresh(3);
    expect(stats.snapshot().refreshLatency.count).toBe(1);
    stats.onApplicationShutdown();
  });
});
