import type { SecretErrorKind, SecretState } from 'nest-aws-secrets';

/** One version change, as the status page shows it. */
export interface RotationView {
  readonly fromVersionId: string;
  readonly toVersionId: string;
  /** ISO 8601 time of the swap. */
  readonly at: string;
}

/** What the status page shows about one secret: metadata, never a value. */
export interface SecretStatusView {
  readonly secretId: string;
  /** Stage followed, or `version <id>` when pinned. */
  readonly stage: string;
  readonly state: SecretState;
  readonly required: boolean;
  readonly versionId?: string;
  readonly fetchedAt?: string;
  readonly lastAttemptAt?: string;
  readonly consecutiveFailures: number;
  readonly lastErrorKind?: SecretErrorKind;
  readonly lastErrorCode?: string;
  readonly refusedVersionId?: string;
  /** Newest first. */
  readonly history: readonly RotationView[];
}

/** The body of `GET /status.json`, and of each status server-sent event. */
export interface StatusView {
  /** ISO 8601 time the view was built. */
  readonly at: string;
  readonly secrets: readonly SecretStatusView[];
}
