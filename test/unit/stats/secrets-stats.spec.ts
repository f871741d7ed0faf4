import { describe, expect, it } from 'vitest';
import { SecretsStats } from '../../../lib/stats/secrets-stats.js';

describe('SecretsStats', () => {
  it('counts calls, cache use, failures and refresh latency', () => {
    const stats = new SecretsStats();
    stats.recordApiCall('GetSecretValue');
    stats.recordApiCall('GetSecretValue');
    stats.recordApiCall('BatchGetSecretValue');
    stats.recordCacheHit();
    stats.recordCacheMiss();
    stats.recordCacheMiss();
    stats.recordFailure('throttled');
    stats.recordRefresh(30);
    stats.recordRefresh(10);
    expect(stats.snapshot()).toEqual({
      apiCalls: { GetSecretValue: 2, BatchGetSecretValue: 1 },
      cacheHits: 1,
      cacheMisses: 2,
      refreshes: 2,
      failures: { throttled: 1 },
      refreshLatency: {
        count: 2,
        totalMs: 40,
        minMs: 10,
        maxMs: 30,
        meanMs: 20,
      },
    });
  });

  it('returns a copy that later records do not change', () => {
    const stats = new SecretsStats();
    const before = stats.snapshot();
    stats.recordApiCall('GetSecretValue');
    expect(before.apiCalls).toEqual({});
    expect(before.refreshLatency.meanMs).toBe(0);
  });
});
