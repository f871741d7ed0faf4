/**
 * Thrown while the module resolves its options when one is out of range or
 * of the wrong type. `option` names it; the message says what was expected
 * and what was received (its type, and the number for numeric values).
 *
 * It extends `Error`, not `SecretsError`: it is about the module's
 * configuration, not about one secret, so it has no `kind` or `secretId`.
 */
export class SecretsOptionsError extends Error {
  override name = 'SecretsOptionsError';

  constructor(
    message: string,
    /** Name of the invalid option, e.g. `timeoutMs`. */
    readonly option: string,
  ) {
    super(message);
  }
}
