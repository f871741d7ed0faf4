import type { SecretErrorKind } from '../errors/error-kind.js';
import type { SecretRecord } from '../store/secret-record.js';
import { deriveSecretState, type SecretState } from '../store/secret-state.js';

/**
 * What health output says about one secret: metadata and recent attempts,
 * never a value. Times are ISO 8601 strings, durations milliseconds. The
 * field is named `state`, not `status`: terminus reserves `status`.
 */
export interface SecretHealth {
  /** Secret name or ARN, as declared. */
  readonly secretId: string;
  /** Secret name as AWS reports it, once loaded. */
  readonly name?: string;
  /** Stage followed (e.g. `AWSCURRENT`), unless a version id is pinned. */
  readonly stage?: string;
  /** Version id in service, once loaded. */
  readonly versionId?: string;
  /** Whether a failure of this secret fails the health check. */
  readonly required: boolean;
  /** `fresh`, `stale`, `failing` or `refused`; see `SecretState`. */
  readonly state: SecretState;
  /** When the version in service was fetched. */
  readonly fetchedAt?: string;
  /** Milliseconds since `fetchedAt`. */
  readonly ageMs?: number;
  /** When the last fetch or check was recorded. */
  readonly lastAttemptAt?: string;
  /** Failures since the last success. */
  readonly consecutiveFailures: number;
  /** Kind of the last failure, until a success clears it. */
  readonly lastErrorKind?: SecretErrorKind;
  /** AWS error code of the last failure, when AWS gave one. */
  readonly lastErrorCode?: string;
  /** Newest version refused as undecodable or invalid. */
  readonly refusedVersionId?: string;
}

/**
 * Describes one record at `now` (epoch milliseconds). Reads only record
 * metadata, so no value can reach health output.
 */
export function describeSecretHealth(
  record: SecretRecord,
  now: number,
  maxStalenessMs: number,
): SecretHealth {
  const fetchedAt = record.fetchedAt?.getTime();
  return {
    secretId: record.secretId,
    name: record.current?.name,
    stage: record.pinnedVersionId ? undefined : record.versionStage,
    versionId: record.current?.versionId,
    required: record.required,
    state: deriveSecretState(record, now, maxStalenessMs),
    fetchedAt: record.fetchedAt?.toISOString(),
    ageMs: fetchedAt === undefined ? undefined : Math.max(0, now - fetchedAt),
    lastAttemptAt: record.lastAttemptAt?.toISOString(),
    consecutiveFailures: record.consecutiveFailures,
    lastErrorKind: record.lastError?.kind,
    lastErrorCode: record.lastError?.code,
    refusedVersionId: record.refusedVersionId,
  };
}

/** Whether a secret makes the health check fail: required and failing. */
export function isDown(health: SecretHealth): boolean {
  return health.required && health.state === 'failing';
}

/**
 * Whether a secret is served but impaired: stale, refused, or optional and
 * failing.
 */
export function isDegraded(health: SecretHealth): boolean {
  return health.state !== 'fresh' && !isDown(health);
}
