import type { SecretErrorKind } from '../errors/error-kind.js';

/** The last failure of a record: kind, AWS code and time. Never a value. */
export interface SecretErrorInfo {
  /** Why it failed. */
  readonly kind: SecretErrorKind;
  /** AWS error code, when AWS answered with one. */
  readonly code?: string;
  /** When it failed. */
  readonly at: Date;
}

/** One change of the version in service. */
export interface RotationEntry {
  /** Version id served before. */
  readonly fromVersionId: string;
  /** Version id served since. */
  readonly toVersionId: string;
  /** When the new version was committed. */
  readonly at: Date;
}

/** Metadata of one version of a secret, as a source reported it. */
export interface SecretVersionMeta {
  /** Secret name. */
  readonly name: string;
  /** Secret ARN. */
  readonly arn: string;
  /** Version id. */
  readonly versionId: string;
  /** Stages attached to that version. */
  readonly versionStages: readonly string[];
  /** When the version was created, if known. */
  readonly createdAt?: Date;
}

/**
 * What the module knows about one fetched secret version (one request
 * key): the version in service, and how the last attempts went. Health
 * and status read records; they never see a value.
 */
export interface SecretRecord {
  /** Request key: id plus stage or version id. */
  readonly key: string;
  /** Secret name or ARN, as declared. */
  readonly secretId: string;
  /** Stage followed, when no version id is pinned. */
  readonly versionStage?: string;
  /** Pinned version id, if any. */
  readonly pinnedVersionId?: string;
  /** Whether any declaration reading it is required. */
  readonly required: boolean;
  /** The version in service; `undefined` until the first success. */
  readonly current?: SecretVersionMeta;
  /** When the version in service was fetched. */
  readonly fetchedAt?: Date;
  /** When the source last confirmed the value (fetch or check). */
  readonly lastSuccessAt?: Date;
  /** When the last fetch or check started to be recorded. */
  readonly lastAttemptAt?: Date;
  /** Failures since the last success. */
  readonly consecutiveFailures: number;
  /** The last failure, cleared by a success. */
  readonly lastError?: SecretErrorInfo;
  /** The newest version refused because it failed validation. */
  readonly refusedVersionId?: string;
  /** The latest version changes, oldest first (bounded). */
  readonly history: readonly RotationEntry[];
}
