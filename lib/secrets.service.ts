import { Inject, Injectable } from '@nestjs/common';
import {
  discriminatorOf,
  type SecretLookupOptions,
} from './declaration/request-key.js';
import type { SecretClass } from './declaration/secret-definition.js';
import type { ResolvedSecretsOptions } from './options/resolved-secrets-options.interface.js';
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
  ) {}

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

  /** A copy of the module's counters. */
  stats(): SecretsStatsSnapshot {
    return this.counters.snapshot();
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
