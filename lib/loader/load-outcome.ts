import type { SecretIssue } from '../errors/secret-issue.js';
import type { PreparedVersion, SecretFailure } from '../store/secret-store.js';

/** A version that decoded and validated for every binding. */
export interface LoadSuccess {
  readonly ok: true;
  /** Ready for `SecretsLoader.apply` (or `SecretStore.commit`). */
  readonly version: PreparedVersion;
}

/** A fetch, decode or validation that failed; nothing was committed. */
export interface LoadFailure {
  readonly ok: false;
  /** Request key of the record. */
  readonly requestKey: string;
  /** Kind and AWS code of the first issue, for the record. */
  readonly failure: SecretFailure;
  /** Version that was fetched and refused, when the fetch itself worked. */
  readonly refusedVersionId?: string;
  /** Every issue found, one per binding and property. */
  readonly issues: readonly SecretIssue[];
}

/** Outcome of loading one secret version for every binding of its record. */
export type LoadOutcome = LoadSuccess | LoadFailure;
