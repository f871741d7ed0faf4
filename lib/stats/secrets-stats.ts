import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { SecretErrorKind } from '../errors/error-kind.js';
import {
  startOpenTelemetryBridge,
  type OpenTelemetryImporter,
  type OpenTelemetryStatsBridge,
} from './opentelemetry-bridge.js';

/** Summary of refresh latencies, in milliseconds. */
export interface LatencySummary {
  /** Number of samples. */
  readonly count: number;
  /** Sum of all samples, in milliseconds. */
  readonly totalMs: number;
  /** Smallest sample, in milliseconds (0 without samples). */
  readonly minMs: number;
  /** Largest sample, in milliseconds (0 without samples). */
  readonly maxMs: number;
  /** Mean of all samples, in milliseconds (0 without samples). */
  readonly meanMs: number;
}

/** A plain copy of the counters at one moment. */
export interface SecretsStatsSnapshot {
  /** AWS API calls by operation name, e.g. `GetSecretValue`. */
  readonly apiCalls: Readonly<Record<string, number>>;
  /** Reads served from the cache without an API call. */
  readonly cacheHits: number;
  /** Reads that needed an API call. */
  readonly cacheMisses: number;
  /** Completed refreshes (changed or not). */
  readonly refreshes: number;
  /** Failures by kind. */
  readonly failures: Readonly<Partial<Record<SecretErrorKind, number>>>;
  /** Latency of refreshes. */
  readonly refreshLatency: LatencySummary;
}

/**
 * Counters of the module: API calls, cache hits and misses, refreshes,
 * failures and refresh latency. The sources and the refresher record into
 * it; `SecretsService.stats()` returns `snapshot()`. At module init it
 * also publishes them as OpenTelemetry metrics when `@opentelemetry/api`
 * is installed (see `OpenTelemetryStatsBridge`).
 */
export class SecretsStats implements OnModuleInit, OnApplicationShutdown {
  private readonly refreshListeners = new Set<(latencyMs: number) => void>();
  private bridge?: OpenTelemetryStatsBridge;
  private readonly apiCalls = new Map<string, number>();
  private readonly failures = new Map<SecretErrorKind, number>();
  private cacheHits = 0;
  private cacheMisses = 0;
  private refreshes = 0;
  private latency = { count: 0, totalMs: 0, minMs: 0, maxMs: 0 };

  /**
   * @param importer - Loads `@opentelemetry/api`; `false` never publishes.
   *   Default: a dynamic `import()`, which fails quietly when absent.
   */
  constructor(private readonly importer?: OpenTelemetryImporter | false) {}

  /** Starts the OpenTelemetry bridge when its API can be imported. */
  async onModuleInit(): Promise<void> {
    if (this.importer === false || this.bridge) return;
    this.bridge = await startOpenTelemetryBridge(this, this.importer);
  }

  /** Stops publishing metrics. */
  onApplicationShutdown(): void {
    this.bridge?.stop();
    this.bridge = undefined;
  }

  /** Calls `listener` with the latency of every later refresh, in ms. */
  onRefresh(listener: (latencyMs: number) => void): () => void {
    this.refreshListeners.add(listener);
    return () => this.refreshListeners.delete(listener);
  }

  /** Counts one call of an AWS operation, e.g. `BatchGetSecretValue`. */
  recordApiCall(operation: string): void {
    this.apiCalls.set(operation, (this.apiCalls.get(operation) ?? 0) + 1);
  }

  /** Counts a read served from the cache. */
  recordCacheHit(): void {
    this.cacheHits++;
  }

  /** Counts a read that needed an API call. */
  recordCacheMiss(): void {
    this.cacheMisses++;
  }

  /** Counts a failure of the given kind. */
  recordFailure(kind: SecretErrorKind): void {
    this.failures.set(kind, (this.failures.get(kind) ?? 0) + 1);
  }

  /** Counts one completed refresh that took `latencyMs` milliseconds. */
  recordRefresh(latencyMs: number): void {
    this.refreshes++;
    const l = this.latency;
    l.minMs = l.count === 0 ? latencyMs : Math.min(l.minMs, latencyMs);
    l.maxMs = Math.max(l.maxMs, latencyMs);
    l.count++;
    l.totalMs += latencyMs;
    for (const listener of this.refreshListeners) listener(latencyMs);
  }

  /** A plain copy of every counter; later records do not change it. */
  snapshot(): SecretsStatsSnapshot {
    const { count, totalMs, minMs, maxMs } = this.latency;
    return {
      apiCalls: Object.fromEntries(this.apiCalls),
      cacheHits: this.cacheHits,
      cacheMisses: this.cacheMisses,
      refreshes: this.refreshes,
      failures: Object.fromEntries(this.failures),
      refreshLatency: {
        count,
        totalMs,
        minMs,
        maxMs,
        meanMs: count === 0 ? 0 : totalMs / count,
      },
    };
  }
}
