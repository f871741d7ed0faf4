import type { SecretErrorKind } from '../errors/error-kind.js';

/** Kinds of refresh events. */
export type SecretEventType = 'rotated' | 'refused' | 'failed';

/** A new version passed validation and is now in service. */
export interface SecretRotatedEvent {
  /** Event kind. */
  readonly type: 'rotated';
  /** Secret name or ARN, as declared. */
  readonly secretId: string;
  /** Version id that was in service before. */
  readonly previousVersionId: string;
  /** Version id now in service. */
  readonly versionId: string;
  /** When the new version went into service. */
  readonly at: Date;
}

/** A new version failed decoding or validation; the old one stays. */
export interface SecretRefusedEvent {
  /** Event kind. */
  readonly type: 'refused';
  /** Secret name or ARN, as declared. */
  readonly secretId: string;
  /** Version id that was refused. */
  readonly versionId: string;
  /** Why: `invalid`, `not-json` or `wrong-shape`. */
  readonly kind: SecretErrorKind;
  /** When the version was refused. */
  readonly at: Date;
}

/** A refresh failed; the last valid value stays in service. */
export interface SecretFailedEvent {
  /** Event kind. */
  readonly type: 'failed';
  /** Secret name or ARN, as declared. */
  readonly secretId: string;
  /** Kind of failure. */
  readonly kind: SecretErrorKind;
  /** AWS error code or Node socket code, when there is one. */
  readonly code?: string;
  /** When the refresh failed. */
  readonly at: Date;
}

/**
 * An event of the background refresh. Events carry ids, version ids, kinds
 * and times only: never a secret value.
 */
export type SecretRotationEvent =
  SecretRotatedEvent | SecretRefusedEvent | SecretFailedEvent;
