import type {
  BatchObservableCallback,
  Histogram,
  Meter,
  Observable,
} from '@opentelemetry/api';
import type { SecretsStats } from './secrets-stats.js';

/** The part of `@opentelemetry/api` the bridge uses. */
export interface OpenTelemetryMetricsApi {
  readonly metrics: { getMeter(name: string, version?: string): Meter };
}

/**
 * Loads `@opentelemetry/api`, or rejects when it is not installed. Only
 * called at module init, so apps without it never load it.
 */
export type OpenTelemetryImporter = () => Promise<OpenTelemetryMetricsApi>;

/** Imports the optional peer `@opentelemetry/api`. */
export const importOpenTelemetry: OpenTelemetryImporter = () =>
  import('@opentelemetry/api');

/** Name of the meter the module's instruments belong to. */
export const SECRETS_METER_NAME = 'nest-aws-secrets';

/**
 * Publishes `SecretsStats` as OpenTelemetry metrics on the global meter
 * provider: observable counters read from one snapshot per collection,
 * and a histogram of refresh latency fed as refreshes complete.
 */
export class OpenTelemetryStatsBridge {
  private readonly observables: Observable[];
  private readonly latency: Histogram;
  private readonly stopLatency: () => void;
  private readonly callback: BatchObservableCallback;

  constructor(
    private readonly meter: Meter,
    stats: SecretsStats,
  ) {
    const counter = (name: string, description: string, unit: string) =>
      meter.createObservableCounter(name, { description, unit });
    const apiCalls = counter(
      'secrets.api.calls',
      'AWS Secrets Manager API calls, by operation.',
      '{call}',
    );
    const cacheHits = counter(
      'secrets.cache.hits',
      'Reads served from the cache without an API call.',
      '{read}',
    );
    const cacheMisses = counter(
      'secrets.cache.misses',
      'Reads that needed an API call.',
      '{read}',
    );
    const refreshes = counter(
      'secrets.refreshes',
      'Completed refreshes, changed or not.',
      '{refresh}',
    );
    const failures = counter(
      'secrets.failures',
      'Failed fetches and checks, by kind.',
      '{failure}',
    );
    this.observables = [apiCalls, cacheHits, cacheMisses, refreshes, failures];
    this.callback = (result) => {
      const s = stats.snapshot();
      for (const [operation, calls] of Object.entries(s.apiCalls)) {
        result.observe(apiCalls, calls, { operation });
      }
      result.observe(cacheHits, s.cacheHits);
      result.observe(cacheMisses, s.cacheMisses);
      result.observe(refreshes, s.refreshes);
      for (const [kind, count] of Object.entries(s.failures)) {
        result.observe(failures, count ?? 0, { kind });
      }
    };
    meter.addBatchObservableCallback(this.callback, this.observables);

    this.latency = meter.createHistogram('secrets.refresh.duration', {
      description: 'Duration of refreshes.',
      unit: 'ms',
    });
    this.stopLatency = stats.onRefresh((ms) => this.latency.record(ms));
  }

  /** Stops publishing: removes the callback and the latency listener. */
  stop(): void {
    this.meter.removeBatchObservableCallback(this.callback, this.observables);
    this.stopLatency();
  }
}

/**
 * Starts the bridge when `@opentelemetry/api` can be imported; resolves
 * `undefined` (and loads nothing) when it cannot.
 */
export async function startOpenTelemetryBridge(
  stats: SecretsStats,
  importer: OpenTelemetryImporter = importOpenTelemetry,
): Promise<OpenTelemetryStatsBridge | undefined> {
  let api: OpenTelemetryMetricsApi;
  try {
    api = await importer();
  } catch {
    // The peer is optional: without it there is simply nothing to publish.
    return undefined;
  }
  return new OpenTelemetryStatsBridge(
    api.metrics.getMeter(SECRETS_METER_NAME),
    stats,
  );
}
