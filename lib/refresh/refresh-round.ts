import { performance } from 'node:perf_hooks';
import type { SecretRequest } from '../declaration/secret-definition.js';
import { isTransientKind, type SecretErrorKind } from '../errors/error-kind.js';
import type { SecretsStats } from '../stats/secrets-stats.js';
import type { SecretRecord } from '../store/secret-record.js';
import type { SecretStore } from '../store/secret-store.js';
import type {
  VersionDetection,
  VersionDetector,
} from './detectors/version-detector.interface.js';
import { failureOf } from './failure-of.js';
import { jitteredIntervalMs } from './jitter.js';
import type { RefreshCheckOutcome } from './refresh-scheduler.js';
import type { RefreshReporter } from './refresh-reporter.js';
import { RetryGate } from './retry-gate.js';
import type { VersionSync } from './version-sync.js';

/** Collaborators and settings of a `RefreshRound`. */
export interface RefreshRoundDeps {
  readonly store: SecretStore;
  readonly detector: VersionDetector;
  readonly sync: VersionSync;
  readonly reporter: RefreshReporter;
  readonly stats: SecretsStats;
  /** Slow retry delay after a non-transient failure, in milliseconds. */
  readonly backoffMaxMs: number;
  /** Jitter of that delay (0 to 1). */
  readonly jitterRatio: number;
}

type Decision = 'confirm' | 'skip' | 'fetch';

/**
 * One background check of a set of records: detect where each stage
 * points (one call for all in list mode), confirm the unchanged ones, and
 * fetch only new versions. Returns the outcome the scheduler bases the
 * next wait on.
 */
export class RefreshRound {
  // In a shared round, a secret that fails for good is retried slowly
  // without slowing down the others.
  private readonly gate = new RetryGate<string>();

  constructor(private readonly deps: RefreshRoundDeps) {}

  /**
   * Checks `requests`. With `shared`, the requests share one scheduler
   * key, and a non-transient failure closes its request's gate for
   * `backoffMaxMs` instead of delaying the whole round.
   */
  async run(
    requests: readonly SecretRequest[],
    shared: boolean,
  ): Promise<RefreshCheckOutcome> {
    const now = Date.now();
    const due = shared
      ? requests.filter((r) => this.gate.isOpen(r.key, now))
      : requests;
    if (due.length === 0) return 'ok';

    const started = performance.now();
    const detections = await this.deps.detector.detect(due);
    const kinds = await Promise.all(
      due.map((request) =>
        this.checkOne(request, detections.get(request.key), shared, started),
      ),
    );
    return summarize(
      kinds.filter((k) => k !== undefined),
      due.length,
    );
  }

  private async checkOne(
    request: SecretRequest,
    detection: VersionDetection | undefined,
    shared: boolean,
    started: number,
  ): Promise<SecretErrorKind | undefined> {
    const { store, stats, reporter } = this.deps;
    if (detection && !detection.ok) {
      const failure = failureOf(detection.error);
      const at = new Date();
      store.recordFailure(request.key, failure, at);
      stats.recordFailure(failure.kind);
      reporter.failed(request, failure, at);
      return failure.kind;
    }

    const record = store.record(request.key);
    const versionId = detection?.versionId;
    const decision = decide(record, versionId);
    if (decision === 'skip') return undefined;
    if (decision === 'confirm') {
      store.markChecked(request.key, new Date());
      stats.recordRefresh(performance.now() - started);
      return undefined;
    }

    if (versionId !== undefined) {
      reporter.detected(
        request.secretId,
        record?.current?.versionId,
        versionId,
      );
    }
    const result = await this.deps.sync.sync(request);
    if (result.status !== 'failed') {
      this.gate.open(request.key);
      return undefined;
    }
    if (shared && !isTransientKind(result.kind)) {
      const wait = jitteredIntervalMs(
        this.deps.backoffMaxMs,
        this.deps.jitterRatio,
      );
      this.gate.closeUntil(request.key, Date.now() + wait);
    }
    return result.kind;
  }
}

function decide(
  record: SecretRecord | undefined,
  versionId: string | undefined,
): Decision {
  // "Cannot tell" (ttl mode, a secret scheduled for deletion): read it.
  if (versionId === undefined || !record?.current) return 'fetch';
  if (versionId === record.current.versionId) {
    // The stage moved back to the version in service after a refusal:
    // re-reading it is what clears the refused state.
    return record.refusedVersionId === undefined ? 'confirm' : 'fetch';
  }
  // A version refused once fails the same rules again: do not re-read it.
  return versionId === record.refusedVersionId ? 'skip' : 'fetch';
}

function summarize(
  kinds: readonly SecretErrorKind[],
  checked: number,
): RefreshCheckOutcome {
  if (kinds.length === 0) return 'ok';
  const transient = kinds.find(isTransientKind);
  if (transient) return { kind: transient };
  // Every secret failed for good (credentials, say): the round slows down.
  return kinds.length === checked ? { kind: kinds[0] } : 'ok';
}
