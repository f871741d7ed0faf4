import type { SecretRequest } from '../declaration/secret-definition.js';
import type { SecretsError } from '../errors/secrets.error.js';
import type { RawSecret } from './raw-secret.js';

/** Where a secret currently points, as a cheap metadata call reports it. */
export interface SecretVersionInfo {
  /** Version id the requested stage points at, if any. */
  readonly versionId?: string;
}

/** Outcome of fetching one request in a batch. */
export type SecretFetchResult =
  | { readonly ok: true; readonly raw: RawSecret }
  | { readonly ok: false; readonly error: SecretsError };

/**
 * Where secret values come from. The module ships the AWS Secrets Manager
 * source and the local JSON file source; a test source and a shared cache
 * tier implement the same interface.
 *
 * Sources never throw for a single secret in `fetchMany`: each request gets
 * its own result, so that one boot reports every failure at once.
 */
export interface SecretSource {
  /** Short name for logs and health output, e.g. `aws` or `local-file`. */
  readonly name: string;

  /** Fetches many secrets concurrently (batched where the source can). */
  fetchMany(
    requests: readonly SecretRequest[],
  ): Promise<Map<string, SecretFetchResult>>;

  /** Fetches one secret; rejects with a `SecretsError`. */
  fetchOne(request: SecretRequest): Promise<RawSecret>;

  /**
   * Cheap change detection: where the requested stage points now, without
   * reading the value. Sources that cannot tell omit it, and the refresher
   * falls back to re-reading the value (plain TTL).
   */
  describe?(request: SecretRequest): Promise<SecretVersionInfo>;

  /**
   * Pushes change notifications (the local file source watches its file).
   * Returns a function that stops watching.
   */
  watch?(onChange: () => void): () => void;
}
