import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SecretsLogger } from '../logging/secrets-logger.js';
import type { ResolvedSecretsOptions } from '../options/resolved-secrets-options.interface.js';
import type { SecretsStats } from '../stats/secrets-stats.js';
import { AwsSecretSource } from './aws/aws-secret-source.js';
import { LocalFileSecretSource } from './local/local-file-source.js';
import type { SecretSource } from './secret-source.interface.js';

/** Whether the options read from AWS (no custom source, no local file). */
export function usesAws(options: ResolvedSecretsOptions): boolean {
  return !options.source && !options.localFile;
}

/**
 * The client the AWS source uses: the given one, or one built from
 * `clientConfig` so that the SDK's default credential chain, `AWS_REGION`
 * and `AWS_ENDPOINT_URL_SECRETS_MANAGER` apply. `undefined` when secrets
 * do not come from AWS.
 */
export function createSecretsClient(
  options: ResolvedSecretsOptions,
): SecretsManagerClient | undefined {
  if (options.client) return options.client;
  if (!usesAws(options)) return undefined;
  return new SecretsManagerClient(options.clientConfig ?? {});
}

/** The active source: custom, local file, or AWS (in that order). */
export function createSecretSource(
  options: ResolvedSecretsOptions,
  client: SecretsManagerClient | undefined,
  stats: SecretsStats,
  logger: SecretsLogger,
): SecretSource {
  if (options.source) return options.source;
  if (options.localFile) return new LocalFileSecretSource(options.localFile);
  const settings = { timeoutMs: options.timeoutMs, batch: options.batch };
  return new AwsSecretSource(client!, settings, stats, logger);
}
