import type { SecretClass } from '../declaration/secret-definition.js';
import type { AuthFailureClassifier } from '../options/secrets-module-options.interface.js';
import { isAuthFailure as defaultIsAuthFailure } from './auth-failure.classifier.js';

/** What a forced refresh reports. */
export interface SecretRefreshOutcome {
  /** Whether the version in service changed. */
  readonly versionChanged: boolean;
}

/**
 * What `withSecretRetry` needs from the module; `SecretsService` provides
 * it. `T` is the value handed to the callback.
 */
export interface SecretRetryHost<S, T> {
  /** The current value of a secret (a live instance). */
  get(secret: S): T;
  /** Forces one refresh of a secret (single-flight, rate-limited). */
  refresh(secret: S): Promise<SecretRefreshOutcome>;
  /**
   * A refresh allowed to skip the rate limiter's shared outcome (at most
   * once per interval); used instead of `refresh` when present.
   */
  refreshAfterAuthFailure?(secret: S): Promise<SecretRefreshOutcome>;
  /**
   * Metadata of the version in service; used to see a change made meanwhile.
   */
  metadata?(secret: S): { readonly versionId?: string } | undefined;
  /** The module's `isAuthFailure` option. */
  readonly isAuthFailure?: AuthFailureClassifier;
}

/**
 * The part of `SecretsService` that `withSecretRetry` uses with a config
 * class, so that the callback receives the class's instance type.
 */
export interface SecretClassRetryHost {
  get<T extends object>(cls: SecretClass<T>): T;
  refresh(cls: SecretClass): Promise<SecretRefreshOutcome>;
  refreshAfterAuthFailure?(cls: SecretClass): Promise<SecretRefreshOutcome>;
  metadata(cls: SecretClass): { readonly versionId?: string };
  readonly isAuthFailure?: AuthFailureClassifier;
}

/** Options of one `withSecretRetry` call. */
export interface SecretRetryOptions {
  /** Overrides the host's classifier for this call. */
  readonly isAuthFailure?: AuthFailureClassifier;
}

/**
 * Runs `callback` with the current value of `secret`. When it fails with an
 * authentication error, forces one refresh of the secret (reading AWS even
 * right after another refresh, at most once per `minRefreshIntervalMs`
 * per secret; see `SecretsService.refreshAfterAuthFailure`) and, if the
 * version in service changed (by this refresh or by the background refresh
 * since the callback started), runs it once more with the new value.
 * Otherwise, and when the refresh itself fails, rethrows the original
 * error.
 *
 * @param secrets - Usually the injected `SecretsService`.
 * @param secret - The `@Secret` class or the secret id.
 * @param callback - Work that uses the credentials, e.g. a connect.
 *
 * @example
 * ```ts
 * const rows = await withSecretRetry(secrets, DatabaseSecret, (db) =>
 *   query(db.username, db.password),
 * );
 * ```
 */
export function withSecretRetry<T extends object, R>(
  secrets: SecretClassRetryHost,
  secret: SecretClass<T>,
  callback: (value: T) => R | Promise<R>,
  options?: SecretRetryOptions,
): Promise<R>;
export function withSecretRetry<S, T, R>(
  secrets: SecretRetryHost<S, T>,
  secret: S,
  callback: (value: T) => R | Promise<R>,
  options?: SecretRetryOptions,
): Promise<R>;
export async function withSecretRetry<S, T, R>(
  secrets: SecretRetryHost<S, T>,
  secret: S,
  callback: (value: T) => R | Promise<R>,
  options: SecretRetryOptions = {},
): Promise<R> {
  const classify =
    options.isAuthFailure ?? secrets.isAuthFailure ?? defaultIsAuthFailure;
  const versionBefore = secrets.metadata?.(secret)?.versionId;

  try {
    return await callback(secrets.get(secret));
  } catch (error) {
    if (!classify(error)) throw error;

    let changed: boolean;
    try {
      const outcome = secrets.refreshAfterAuthFailure
        ? await secrets.refreshAfterAuthFailure(secret)
        : await secrets.refresh(secret);
      const versionNow = secrets.metadata?.(secret)?.versionId;
      changed = outcome.versionChanged || versionNow !== versionBefore;
    } catch {
      // The caller's problem is the rejected credentials; a refresh failure
      // is reported by the module's status and events.
      throw error;
    }
    if (!changed) throw error;

    return await callback(secrets.get(secret));
  }
}
