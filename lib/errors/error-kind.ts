/**
 * Why a secret could not be loaded or refreshed. Health output, statistics
 * and events carry the kind, never the value.
 */
export type SecretErrorKind =
  /** `ResourceNotFoundException`: no such secret, stage or version. */
  | 'not-found'
  /** `AccessDeniedException` and friends: the role lacks an action. */
  | 'access-denied'
  /** `InvalidRequestException` on a secret scheduled for deletion. */
  | 'marked-for-deletion'
  /** `DecryptionFailure`: KMS refused to decrypt the value. */
  | 'decryption-failed'
  /** Missing or expired AWS credentials (a credentials problem). */
  | 'credentials'
  /**
   * The AWS client is not configured: no region, or an invalid one. The
   * SDK fails before any call; `code` says which (`RegionMissing`,
   * `InvalidRegion`).
   */
  | 'configuration'
  /** `ThrottlingException` and other rate limits. Transient. */
  | 'throttled'
  /** The call did not answer within `timeoutMs`. Transient. */
  | 'timeout'
  /** Connection refused, reset or dropped. Transient. */
  | 'network'
  /** An HTTP 5xx or `InternalServiceError`. Transient. */
  | 'server'
  /** The value is not of the declared shape (string vs binary). */
  | 'wrong-shape'
  /** The value was declared JSON but does not parse as a JSON object. */
  | 'not-json'
  /** The value parsed but failed class-validator rules. */
  | 'invalid'
  /** Anything else; treated as not transient. */
  | 'unknown';

const TRANSIENT: ReadonlySet<SecretErrorKind> = new Set([
  'throttled',
  'timeout',
  'network',
  'server',
]);

/**
 * Whether an error of this kind is expected to pass on its own, so that a
 * refresh should retry soon with backoff rather than slowly.
 */
export function isTransientKind(kind: SecretErrorKind): boolean {
  return TRANSIENT.has(kind);
}
