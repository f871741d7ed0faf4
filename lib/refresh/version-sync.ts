import { performance } from 'node:perf_hooks';
import type { SecretRequest } from '../declaration/secret-definition.js';
import type { SecretErrorKind } from '../errors/error-kind.js';
import { createSecretsError } from '../errors/create-secrets-error.js';
import type { SecretsError } from '../errors/secrets.error.js';
import type { LoadFailure } from '../loader/load-outcome.js';
import type { SecretsLoader } from '../loader/secrets-loader.js';
import { versionRefusedMessage } from '../secrets.messages.js';
import type { SecretsStats } from '../stats/secrets-stats.js';
import type { SecretStore } from '../store/secret-store.js';
import type { RefreshReporter } from './refresh-reporter.js';
import { SingleFlight } from './single-flight.js';

/** What one sync of a record did. */
export type SyncResult =
  /** The version in service is still current. */
  | { readonly status: 'unchanged' }
  /** A new version was validated and swapped in. */
  | { readonly status: 'rotated'; readonly versionId: string }
  /** A new version failed decoding or validation; the old one stays. */
  | { readonly status: 'refused'; readonly error: SecretsError }
  /** The fetch failed; the old value stays. */
  | {
      readonly status: 'failed';
      readonly kind: SecretErrorKind;
      readonly error: SecretsError;
    };

/**
 * Reads the current version of one record and swaps it in when it is new
 * and valid, through the same loader as the boot (validate before swap).
 * One fetch in flight per record: the background refresh and on-demand
 * refreshes of a record share it. A failure is recorded and reported,
 * never kept as a result.
 */
export class VersionSync {
  private readonly flights = new SingleFlight<string, SyncResult>();

  constructor(
    private readonly store: SecretStore,
    private readonly loader: SecretsLoader,
    private readonly reporter: RefreshReporter,
    private readonly stats: SecretsStats,
  ) {}

  /** Fetches, validates and (if new) commits the request's version. */
  sync(request: SecretRequest): Promise<SyncResult> {
    return this.flights.run(request.key, () => this.fetchAndApply(request));
  }

  private async fetchAndApply(request: SecretRequest): Promise<SyncResult> {
    const started = performance.now();
    const outcome = await this.loader.load(request);
    const now = new Date();
    const record = this.store.record(request.key);
    const previous = record?.current?.versionId;
    if (!outcome.ok) return this.onFailure(request, outcome, previous, now);

    const { versionId } = outcome.version.meta;
    this.stats.recordRefresh(performance.now() - started);
    if (versionId === previous && record?.refusedVersionId === undefined) {
      this.store.markChecked(request.key, now);
      return { status: 'unchanged' };
    }
    // Also when the stage moved back to the version in service after a
    // refusal: the commit is what clears the refused state.
    this.loader.apply(outcome, now);
    if (versionId === previous) return { status: 'unchanged' };
    this.reporter.rotated(request, previous, versionId, now);
    return { status: 'rotated', versionId };
  }

  private onFailure(
    request: SecretRequest,
    outcome: LoadFailure,
    previous: string | undefined,
    now: Date,
  ): SyncResult {
    const { secretId } = request;
    const { kind, code } = outcome.failure;
    const refusedVersionId = outcome.refusedVersionId;
    const messages = outcome.issues.map((issue) => issue.message);
    if (refusedVersionId === undefined) {
      this.loader.apply(outcome, now);
      this.reporter.failed(request, { kind, code }, now);
      const error = createSecretsError(messages[0], { kind, secretId, code });
      return { status: 'failed', kind, error };
    }

    const message = versionRefusedMessage(
      secretId,
      refusedVersionId,
      previous,
      messages,
    );
    const error = createSecretsError(message, { kind, secretId });
    // A version already refused is not reported again on every check.
    if (this.store.record(request.key)?.refusedVersionId !== refusedVersionId) {
      this.loader.apply(outcome, now);
      this.reporter.refused(
        request,
        kind,
        refusedVersionId,
        previous,
        messages,
        now,
      );
    }
    return { status: 'refused', error };
  }
}
