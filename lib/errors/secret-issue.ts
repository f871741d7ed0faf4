import type { SecretErrorKind } from './error-kind.js';

/**
 * One reason why a secret could not be loaded, as reported by
 * `SecretsBootError.issues`. It carries ids, paths and rule names, never a
 * value.
 */
export interface SecretIssue {
  /** Secret name or ARN, as declared. */
  readonly secretId: string;
  /** Why it failed. */
  readonly kind: SecretErrorKind;
  /** Property path (nested with dots) of a failed rule or a missing key. */
  readonly path?: string;
  /** Names of the class-validator rules that failed at `path`. */
  readonly rules?: readonly string[];
  /** AWS error code, when AWS answered with one. */
  readonly code?: string;
  /**
   * Whether the declaration is required (a required failure stops the boot).
   */
  readonly required: boolean;
  /** The readable line for this issue; it contains no value. */
  readonly message: string;
}
