import type { SecretErrorKind } from '../errors/error-kind.js';

/** Kinds of refresh events. */
export type SecretEventType = 'rotated' | 'refused' | 'failed';

/**
 * Which declared read of a secret an event is about: one secret id may be
 * declared at several stages (`AWSCURRENT` and `AWSPREVIOUS`) or versions,
 * and each is refreshed, and reported, on its own.
 */
export interface SecretEventSubject {
  /** Secret name or ARN, as declared. */
  readonly secretId: string;
  /**
   * Request key of the read: the id plus its stage or pinned version id
   * (`prod/db|stage:AWSCURRENT`, `prod/db|version:<id>`). The same key as
   * `SecretStatus.key`.
   */
  readonly key: string;
  /** Stage followed (`AWSCURRENT`, ...); absent for a pinned version id. */
  readonly versionStage?: string;
}

/** A new version passed validation and is now in service. */
export interface SecretRotatedEvent extends SecretEventSubject {
  /** Event kind. */
  readonly type: 'rotated';
  /** Version id that was in service before. */
  readonly previousVersionId: string;
  /** Version id now in service. */
  readonly versionId: string;
  /** When the new version went into service. */
  readonly at: Date;
}

/** A new version failed decoding or validation; the old one stays. */
export interface SecretRefusedEvent extends SecretEventSubject {
  /** Event kind. */
  readonly type: 'refused';
  /** Version id that was refused. */
  readonly versionId: string;
  /** Why: `invalid`, `not-json` or `wrong-shape`. */
  readonly kind: SecretErrorKind;
  /** When the version was refused. */
  readonly at: Date;
}

/** A refresh failed; the last valid value stays in service. */
export interface SecretFailedEvent extends SecretEventSubject {
  /** Event kind. */
  readonly type: 'failed';
  /** Kind of failure. */
  readonly kind: SecretErrorKind;
  /** AWS error code or Node socket code, when there is one. */
  readonly code?: string;
  /** When the refresh failed. */
  readonly at: Date;
}

/**
 * An event of the background refresh. Events carry ids, version ids,
 * stages, kinds and times only: never a secret value.
 */
export type SecretRotationEvent =
  SecretRotatedEvent | SecretRefusedEvent | SecretFailedEvent;

type KeyOptional<E> = E extends SecretEventSubject
  ? Omit<E, 'key'> & { readonly key?: string }
  : never;

/**
 * What `SecretEvents.emit` accepts: an event whose `key` may be left out
 * (events fired by hand in tests); it is then derived from `secretId` and
 * `versionStage` (default `AWSCURRENT`).
 */
export type SecretRotationEventInput = KeyOptional<SecretRotationEvent>;
