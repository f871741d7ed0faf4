import type { SecretRequest } from '../declaration/secret-definition.js';
import { decodeSecret, toClassInput } from '../decode/decode-secret.js';
import { dropReservedKeys } from '../decode/reserved-keys.js';
import type { SecretIssue } from '../errors/secret-issue.js';
import { SecretsError } from '../errors/secrets.error.js';
import type { RawSecret } from '../source/raw-secret.js';
import type { SecretsLogger } from '../logging/secrets-logger.js';
import {
  reservedKeysDroppedMessage,
  sourceFailedMessage,
} from '../secrets.messages.js';
import type {
  SecretFetchResult,
  SecretSource,
} from '../source/secret-source.interface.js';
import type { SecretsStats } from '../stats/secrets-stats.js';
import type {
  PreparedVersion,
  SecretBinding,
  SecretStore,
  SecretToken,
} from '../store/secret-store.js';
import {
  validateSecret,
  type ValidateSecretOptions,
} from '../validation/validate-secret.js';
import type { LoadFailure, LoadOutcome } from './load-outcome.js';
import {
  issueFromError,
  issuesFromRules,
  transformFailedIssue,
} from './secret-issues.js';

type BindingResult =
  | { readonly value: unknown; readonly issues?: undefined }
  | { readonly issues: readonly SecretIssue[] };

/**
 * The flow of a secret after the source: fetch, decode and validate a
 * version for every binding of its record, then commit it or record the
 * failure. The boot gate calls `loadAll`; the refresher calls `load` (or
 * `prepare` with a raw value it fetched) and then `apply`.
 */
export class SecretsLoader {
  // Version last warned about per binding: a ttl check re-reads the same
  // version every interval, and one warning per version is enough.
  private readonly warnedVersions = new Map<SecretToken, string>();

  constructor(
    private readonly source: SecretSource,
    private readonly store: SecretStore,
    private readonly validation: ValidateSecretOptions,
    private readonly stats: SecretsStats,
    private readonly logger?: SecretsLogger,
  ) {}

  /**
   * Fetches every record of the store in one concurrent batch, applies
   * each outcome, and returns every issue found (of required and optional
   * secrets alike).
   */
  async loadAll(now = new Date()): Promise<SecretIssue[]> {
    const requests = this.store.requests();
    const fetched = await this.source
      .fetchMany(requests)
      .catch(() => new Map<string, SecretFetchResult>());
    const outcomes = await Promise.all(
      requests.map((request) => {
        const result = fetched.get(request.key);
        if (!result) return this.failed(request, undefined);
        return result.ok
          ? this.prepare(request, result.raw)
          : this.failed(request, result.error);
      }),
    );
    const issues: SecretIssue[] = [];
    for (const outcome of outcomes) {
      this.apply(outcome, now);
      if (!outcome.ok) issues.push(...outcome.issues);
    }
    return issues;
  }

  /** Fetches one record's version and prepares it; commits nothing. */
  async load(request: SecretRequest): Promise<LoadOutcome> {
    let raw: RawSecret;
    try {
      raw = await this.source.fetchOne(request);
    } catch (error) {
      return this.failed(request, error);
    }
    return this.prepare(request, raw);
  }

  /**
   * Decodes and validates a raw version for every binding of the record.
   * Succeeds only if all bindings pass; commits nothing.
   */
  async prepare(request: SecretRequest, raw: RawSecret): Promise<LoadOutcome> {
    const bindings = this.store.bindingsOf(request.key);
    const results = await Promise.all(bindings.map((b) => this.bind(b, raw)));
    const issues = results.flatMap((r) => r.issues ?? []);
    if (issues.length > 0) {
      return this.failure(request.key, issues, raw.versionId);
    }
    const values = new Map<SecretToken, unknown>();
    bindings.forEach((b, i) => {
      const result = results[i];
      if (!result.issues) values.set(b.definition.token, result.value);
    });
    const version: PreparedVersion = {
      requestKey: request.key,
      meta: {
        name: raw.name,
        arn: raw.arn,
        versionId: raw.versionId,
        versionStages: [...raw.versionStages],
        createdAt: raw.createdAt,
      },
      values,
    };
    return { ok: true, version };
  }

  /** Commits a success, or records a failure; synchronous. */
  apply(outcome: LoadOutcome, now = new Date()): void {
    if (outcome.ok) {
      this.store.commit(outcome.version, now);
      return;
    }
    this.stats.recordFailure(outcome.failure.kind);
    this.store.recordFailure(
      outcome.requestKey,
      outcome.failure,
      now,
      outcome.refusedVersionId,
    );
  }

  private async bind(
    binding: SecretBinding,
    raw: RawSecret,
  ): Promise<BindingResult> {
    const { definition } = binding;
    const decoded = decodeSecret(raw, definition);
    if (!decoded.ok) {
      return { issues: [issueFromError(decoded.error, definition.required)] };
    }
    if (!definition.cls) return { value: decoded.value };
    const input = dropReservedKeys(toClassInput(decoded.value));
    if (input.dropped.length > 0) {
      this.warnReserved(binding, raw.versionId, input.dropped);
    }
    const result = await validateSecret(
      definition.cls,
      input.value,
      this.validation,
    );
    if (result.ok) return { value: result.instance };
    if ('issues' in result) {
      return { issues: issuesFromRules(definition, result.issues) };
    }
    return { issues: [transformFailedIssue(definition)] };
  }

  private warnReserved(
    binding: SecretBinding,
    versionId: string,
    keys: readonly string[],
  ): void {
    const { token, id } = binding.definition;
    if (this.warnedVersions.get(token) === versionId) return;
    this.warnedVersions.set(token, versionId);
    this.logger?.warn(reservedKeysDroppedMessage(id, versionId, keys));
  }

  private failed(request: SecretRequest, error: unknown): LoadFailure {
    const required = this.store.record(request.key)?.required ?? true;
    const secretsError =
      error instanceof SecretsError ? error : this.sourceFailed(request, error);
    return this.failure(request.key, [issueFromError(secretsError, required)]);
  }

  private failure(
    requestKey: string,
    issues: readonly SecretIssue[],
    refusedVersionId?: string,
  ): LoadFailure {
    const [{ kind, code }] = issues;
    return {
      ok: false,
      requestKey,
      failure: code === undefined ? { kind } : { kind, code },
      refusedVersionId,
      issues,
    };
  }

  // A custom source broke its contract (no result, or a foreign error):
  // its error is not chained, since nothing says it is free of values.
  private sourceFailed(request: SecretRequest, error: unknown): SecretsError {
    const code = error instanceof Error ? error.name : undefined;
    const message = sourceFailedMessage(request.secretId, this.source.name);
    return new SecretsError(message, {
      kind: 'unknown',
      secretId: request.secretId,
      code,
    });
  }
}
