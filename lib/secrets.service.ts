import { Inject, Injectable } from '@nestjs/common';
import type { Observable } from 'rxjs';
import {
  discriminatorOf,
  type SecretLookupOptions,
} from './declaration/request-key.js';
import type { SecretClass } from './declaration/secret-definition.js';
import { SecretEvents } from './events/secret-events.js';
import type { SecretRotationEvent } from './events/secret-rotation-event.js';
import type { ResolvedSecretsOptions } from './options/resolved-secrets-options.interface.js';
import type { AuthFailureClassifier } from './options/secrets-module-options.interface.js';
import {
  DynamicSecrets,
  type DynamicClassOptions,
  type DynamicSecretOptions,
} from './refresh/dynamic-secrets.js';
import { SecretsRefresher } from './refresh/secrets-refresher.js';
import type { SecretRefreshOutcome } from './retry/with-secret-retry.js';
import {
  SECRETS_BOOT,
  SECRETS_RESOLVED_OPTIONS,
  secretToken,
} from './secrets.constants.js';
import { notDeclaredMessage } from './secrets.messages.js';
import {
  SecretsStats,
  type SecretsStatsSnapshot,
} from './stats/secrets-stats.js';
import type { SecretRecord } from './store/secret-record.js';
import type { SecretRef } from './store/secret-ref.js';
import type { SecretState } from './store/secret-state.js';
import { snapshotOf } from './store/snapshot.js';
import { SecretStore, type SecretBinding } from './store/secret-store.js';

/** Metadata of the version in service of one secret. Never a value. */
export interface SecretMetadata {
  /** Secret name or ARN, as declared. */
  readonly secretId: string;
  /** Secret name, once loaded. */
  readonly name?: string;
  /** Secret ARN, once loaded. */
  readonly arn?: string;
  /** Version id in service, once loaded. */
  readonly versionId?: string;
  /** Stages attached to that version. */
  readonly versionStages: readonly string[];
  /** When that version was fetched. */
  readonly fetchedAt?: Date;
}

/** Status of one fetched secret, for health checks and diagnostics. */
export interface SecretStatus {
  /** Request key: id plus stage or version id. */
  readonly key: string;
  /** Secret name or ARN, as declared. */
  readonly secretId: string;
  /** State derived at the time of the call. */
  readonly state: SecretState;
  /** Whether a failure of this secret fails the health check. */
  readonly required: boolean;
  /** Version id in service, once loaded. */
  readonly versionId?: string;
  /** When the version in service was fetched. */
  readonly fetchedAt?: Date;
  /** Failures since the last success. */
  readonly consecutiveFailures: number;
  /** Kind and AWS code of the last failure. */
  readonly lastError?: SecretRecord['lastError'];
  /** The newest version refused as invalid. */
  readonly refusedVersionId?: string;
}

/** A config class, or the id of a class-less secret. */
export type SecretKey<T extends object = object> = SecretClass<T> | string;

/**
 * Reads declared secrets and their metadata. Injectable anywhere once the
 * module is imported; it is built after the boot gate, so every value is
 * loaded.
 */
@Injectable()
export class SecretsService {
  constructor(
    @Inject(SECRETS_BOOT) _boot: unknown,
    private readonly store: SecretStore,
    private readonly counters: SecretsStats,
    @Inject(SECRETS_RESOLVED_OPTIONS)
    private readonly options: ResolvedSecretsOptions,
    private readonly refresher: SecretsRefresher,
    private readonly events: SecretEvents,
    private readonly dynamic: DynamicSecrets,
  ) {}

  /**
   * Refresh events of every declared secret: `rotated` (after the swap),
   * `refused` and `failed`. Hot, no replay; ids, version ids, kinds and
   * times only, never a value. Completes at application shutdown.
   */
  get events$(): Observable<SecretRotationEvent> {
    return this.events.events$;
  }

  /** The module's `isAuthFailure` option, for `withSecretRetry`. */
  get isAuthFailure(): AuthFailureClassifier {
    return this.options.isAuthFailure;
  }

  /**
   * The live instance of a config class, or the `SecretRef` of a
   * class-less secret. Later rotations update it in place.
   */
  get<T extends object>(cls: SecretClass<T>): T;
  get<T = unknown>(id: string, options?: SecretLookupOptions): SecretRef<T>;
  get(key: SecretKey, options?: SecretLookupOptions): unknown {
    return this.bindingOf(key, options).target;
  }

  /**
   * A frozen, redacted copy of the current value, for a reader that needs
   * one consistent view across an `await`.
   */
  snapshot<T extends object>(cls: SecretClass<T>): Readonly<T>;
  snapshot<T = unknown>(
    id: string,
    options?: SecretLookupOptions,
  ): Readonly<SecretRef<T>>;
  snapshot(key: SecretKey, options?: SecretLookupOptions): unknown {
    return snapshotOf(this.bindingOf(key, options).target);
  }

  /** Name, ARN, version id, stages and fetch time of a declared secret. */
  metadata(key: SecretKey, options?: SecretLookupOptions): SecretMetadata {
    const { definition } = this.bindingOf(key, options);
    const record = this.store.record(definition.requestKey);
    return {
      secretId: definition.id,
      name: record?.current?.name,
      arn: record?.current?.arn,
      versionId: record?.current?.versionId,
      versionStages: record?.current?.versionStages ?? [],
      fetchedAt: record?.fetchedAt,
    };
  }

  /** Every record (one per fetched version), for health and diagnostics. */
  records(): readonly SecretRecord[] {
    return this.store.records();
  }

  /** The status of every record at `now` (epoch ms, default: now). */
  status(now = Date.now()): SecretStatus[] {
    return this.store.records().map((record) => ({
      key: record.key,
      secretId: record.secretId,
      state: this.store.state(record.key, now, this.options.maxStalenessMs),
      required: record.required,
      versionId: record.current?.versionId,
      fetchedAt: record.fetchedAt,
      consecutiveFailures: record.consecutiveFailures,
      lastError: record.lastError,
      refusedVersionId: record.refusedVersionId,
    }));
  }

  /**
   * Reads the version of a declared secret in AWS now and swaps it in when
   * it is new and valid; resolves `{ versionChanged }`. Never sleeps. One
   * read in flight per secret, and calls within `minRefreshIntervalMs` of
   * the last one share its outcome, so a loop cannot hammer the API.
   * Rejects with a `SecretsError` when the read fails or the new version
   * is refused; the last valid value stays in service either way.
   */
  refresh(
    key: SecretKey,
    options?: SecretLookupOptions,
  ): Promise<SecretRefreshOutcome> {
    return this.refreshRequest(key, options, false);
  }

  /**
   * `refresh` for a caller whose credentials were just rejected (used by
   * `withSecretRetry`): a rejection is strong evidence of a rotation, so
   * it reads AWS even within `minRefreshIntervalMs` of the last refresh,
   * instead of sharing that refresh's outcome. Such a forced read happens
   * at most once per `minRefreshIntervalMs` per secret; other calls share
   * the last outcome as `refresh` does, so a caller looping on a wrong
   * password makes at most two reads per interval.
   */
  refreshAfterAuthFailure(
    key: SecretKey,
    options?: SecretLookupOptions,
  ): Promise<SecretRefreshOutcome> {
    return this.refreshRequest(key, options, true);
  }

  /**
   * Fetches a secret that was not declared (a dynamic lookup), decoded by
   * `shape` (default `json`) and, with `cls`, validated into that class.
   * Cached in a bounded LRU (`cacheMaxEntries`) keyed by id, stage or
   * version id, shape, key and class; an entry is fresh for
   * `refreshIntervalMs`, and a transient failure after that serves it for
   * up to `maxStalenessMs` since it was fetched. Rejects with a
   * `SecretsError`; failures are never cached.
   */
  fetch<T extends object>(
    id: string,
    options: DynamicClassOptions<T>,
  ): Promise<Readonly<T>>;
  fetch<T = unknown>(id: string, options?: DynamicSecretOptions): Promise<T>;
  fetch(
    id: string,
    options?: DynamicSecretOptions | DynamicClassOptions<object>,
  ): Promise<unknown> {
    return this.dynamic.fetch(id, options);
  }

  /** A copy of the module's counters. */
  stats(): SecretsStatsSnapshot {
    return this.counters.snapshot();
  }

  private refreshRequest(
    key: SecretKey,
    options: SecretLookupOptions | undefined,
    force: boolean,
  ): Promise<SecretRefreshOutcome> {
    const { definition } = this.bindingOf(key, options);
    const request = this.store.request(definition.requestKey);
    if (!request)
      return Promise.reject(new Error(notDeclaredMessage(definition.id)));
    return this.refresher.refresh(request, { force });
  }

  private bindingOf(
    key: SecretKey,
    options?: SecretLookupOptions,
  ): SecretBinding {
    const token =
      typeof key === 'string'
        ? secretToken(key, discriminatorOf(options))
        : key;
    const binding = this.store.binding(token);
    if (!binding) {
      const label = typeof key === 'string' ? `"${key}"` : key.name;
      throw new Error(notDeclaredMessage(label));
    }
    return binding;
  }
}
