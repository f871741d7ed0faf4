import type { SecretErrorKind } from './error-kind.js';

/** Context of a `SecretsError`. */
export interface SecretsErrorOptions {
  /** Why it failed. */
  readonly kind: SecretErrorKind;
  /** Secret name or ARN, as declared. */
  readonly secretId: string;
  /**
   * AWS error code, when AWS answered with one; for kind `configuration`,
   * `RegionMissing` or `InvalidRegion`.
   */
  readonly code?: string;
  /** The underlying error (an SDK error), never one that quotes a value. */
  readonly cause?: unknown;
}

/**
 * Base of every error about one secret. Its message names the secret and
 * what to check next, and never contains a value.
 */
export class SecretsError extends Error {
  override name = 'SecretsError';
  /** Why it failed. */
  readonly kind: SecretErrorKind;
  /** Secret name or ARN, as declared. */
  readonly secretId: string;
  /** AWS error code, when AWS answered with one. */
  readonly code?: string;

  constructor(message: string, options: SecretsErrorOptions) {
    super(
      message,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.kind = options.kind;
    this.secretId = options.secretId;
    this.code = options.code;
  }
}
