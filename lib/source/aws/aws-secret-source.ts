import {
  BatchGetSecretValueCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  type BatchGetSecretValueResponse,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { SecretRequest } from '../../declaration/secret-definition.js';
import { createSecretsError } from '../../errors/create-secrets-error.js';
import type { SecretsError } from '../../errors/secrets.error.js';
import type { SecretsLogger } from '../../logging/secrets-logger.js';
import {
  batchDeniedMessage,
  secretFailureMessage,
} from '../../secrets.messages.js';
import type { SecretsStats } from '../../stats/secrets-stats.js';
import type { RawSecret } from '../raw-secret.js';
import type {
  SecretFetchResult,
  SecretSource,
  SecretVersionInfo,
} from '../secret-source.interface.js';
import { awsErrorCode, classifyAwsError } from './classify-aws-error.js';
import { toRawSecret } from './to-raw-secret.js';

/** Most ids one `BatchGetSecretValue` call accepts. */
export const BATCH_SIZE = 20;

/** Settings of the AWS source, taken from the resolved options. */
export interface AwsSecretSourceSettings {
  /** Upper bound of one call, SDK retries included, in milliseconds. */
  readonly timeoutMs: number;
  /** Whether to try `BatchGetSecretValue` first. */
  readonly batch: boolean;
}

type Results = Map<string, SecretFetchResult>;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

// The batch call takes no stage or version: it always reads AWSCURRENT.
const isBatchable = (request: SecretRequest): boolean =>
  request.versionId === undefined && request.versionStage === 'AWSCURRENT';

/**
 * Reads secrets from AWS Secrets Manager: `BatchGetSecretValue` in
 * concurrent chunks of 20 where permitted, `GetSecretValue` per secret
 * otherwise, each call bounded by `timeoutMs`.
 */
export class AwsSecretSource implements SecretSource {
  readonly name = 'aws';
  private batchDenied = false;

  constructor(
    private readonly client: SecretsManagerClient,
    private readonly settings: AwsSecretSourceSettings,
    private readonly stats: SecretsStats,
    private readonly logger: SecretsLogger,
  ) {}

  /** Fetches every request concurrently; one result per request key. */
  async fetchMany(requests: readonly SecretRequest[]): Promise<Results> {
    const results: Results = new Map();
    const useBatch = this.settings.batch && !this.batchDenied;
    const batched = useBatch ? requests.filter(isBatchable) : [];
    const single = useBatch
      ? requests.filter((r) => !isBatchable(r))
      : [...requests];
    await Promise.all([
      ...chunks(batched, BATCH_SIZE).map((c) => this.fetchChunk(c, results)),
      ...single.map((r) => this.fetchInto(r, results)),
    ]);
    return results;
  }

  /** Reads one secret with `GetSecretValue`; rejects with a SecretsError. */
  async fetchOne(request: SecretRequest): Promise<RawSecret> {
    const command = new GetSecretValueCommand({
      SecretId: request.secretId,
      VersionStage: request.versionStage,
      VersionId: request.versionId,
    });
    try {
      const response = await this.send('GetSecretValue', (abortSignal) =>
        this.client.send(command, { abortSignal }),
      );
      return toRawSecret(response, request);
    } catch (error) {
      throw this.toSecretsError(error, request.secretId);
    }
  }

  /** Where the requested stage points now, from `DescribeSecret`. */
  async describe(request: SecretRequest): Promise<SecretVersionInfo> {
    if (request.versionId) return { versionId: request.versionId };
    const command = new DescribeSecretCommand({ SecretId: request.secretId });
    try {
      const response = await this.send('DescribeSecret', (abortSignal) =>
        this.client.send(command, { abortSignal }),
      );
      const stage = request.versionStage ?? 'AWSCURRENT';
      const versions = Object.entries(response.VersionIdsToStages ?? {});
      const found = versions.find(([, stages]) => stages.includes(stage));
      return { versionId: found?.[0] };
    } catch (error) {
      throw this.toSecretsError(error, request.secretId);
    }
  }

  private async fetchInto(
    request: SecretRequest,
    results: Results,
  ): Promise<void> {
    try {
      results.set(request.key, { ok: true, raw: await this.fetchOne(request) });
    } catch (error) {
      results.set(request.key, { ok: false, error: error as SecretsError });
    }
  }

  private async fetchChunk(
    chunk: readonly SecretRequest[],
    results: Results,
  ): Promise<void> {
    let response: BatchGetSecretValueResponse;
    try {
      const command = new BatchGetSecretValueCommand({
        SecretIdList: chunk.map((r) => r.secretId),
      });
      response = await this.send('BatchGetSecretValue', (abortSignal) =>
        this.client.send(command, { abortSignal }),
      );
    } catch (error) {
      if (classifyAwsError(error) === 'access-denied') {
        this.noteBatchDenied();
        await Promise.all(chunk.map((r) => this.fetchInto(r, results)));
        return;
      }
      for (const r of chunk) {
        results.set(r.key, {
          ok: false,
          error: this.toSecretsError(error, r.secretId),
        });
      }
      return;
    }
    const missing = this.matchBatch(chunk, response, results);
    // Ids the answer did not name (a partial ARN, say) are read one by one.
    await Promise.all(missing.map((r) => this.fetchInto(r, results)));
  }

  private matchBatch(
    chunk: readonly SecretRequest[],
    response: BatchGetSecretValueResponse,
    results: Results,
  ): SecretRequest[] {
    const pending = new Map(chunk.map((r) => [r.secretId, r]));
    for (const entry of response.SecretValues ?? []) {
      const request =
        pending.get(entry.ARN ?? '') ?? pending.get(entry.Name ?? '');
      if (!request) continue;
      pending.delete(request.secretId);
      results.set(request.key, { ok: true, raw: toRawSecret(entry, request) });
    }
    for (const entry of response.Errors ?? []) {
      const request = pending.get(entry.SecretId ?? '');
      if (!request) continue;
      pending.delete(request.secretId);
      results.set(request.key, {
        ok: false,
        error: this.toSecretsError(entry, request.secretId),
      });
    }
    return [...pending.values()];
  }

  private noteBatchDenied(): void {
    if (this.batchDenied) return;
    this.batchDenied = true;
    this.logger.warn(batchDeniedMessage());
  }

  private send<T>(
    operation: string,
    call: (abortSignal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    this.stats.recordApiCall(operation);
    // The signal bounds the whole call, the SDK's own retries included.
    return call(AbortSignal.timeout(this.settings.timeoutMs));
  }

  private toSecretsError(error: unknown, secretId: string): SecretsError {
    const kind = classifyAwsError(error);
    const code = awsErrorCode(error);
    const message = secretFailureMessage(kind, secretId, {
      code,
      timeoutMs: this.settings.timeoutMs,
    });
    // Batch error entries are plain objects, not errors worth chaining.
    const cause = error instanceof Error ? error : undefined;
    return createSecretsError(message, { kind, secretId, code, cause });
  }
}
