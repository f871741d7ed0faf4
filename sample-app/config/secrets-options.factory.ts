import type { ConfigService } from '@nestjs/config';
import type { SecretsModuleOptions } from 'nest-aws-secrets';
import { chooseSecretsSource } from './secrets-source.js';

/**
 * Builds the secrets module options from `ConfigService`: the local file, or
 * AWS with the region and endpoint from configuration (credentials come from
 * the SDK's default chain). Optional tuning, in milliseconds, library
 * defaults when unset: `SECRETS_TIMEOUT_MS` bounds each AWS call,
 * `SECRETS_REFRESH_INTERVAL_MS` sets the rotation check interval (the demo
 * shortens it).
 */
export function secretsOptionsFactory(
  config: ConfigService,
): SecretsModuleOptions {
  const source = chooseSecretsSource(config);
  const tuning = {
    ...numberOption(config, 'SECRETS_TIMEOUT_MS', 'timeoutMs'),
    ...numberOption(config, 'SECRETS_REFRESH_INTERVAL_MS', 'refreshIntervalMs'),
  };
  if (source.kind === 'local-file') {
    return { localFile: source.file, ...tuning };
  }

  // Unset keys stay absent so the SDK's own defaults (env, profile) apply.
  return {
    clientConfig: {
      ...(source.region ? { region: source.region } : {}),
      ...(source.endpoint ? { endpoint: source.endpoint } : {}),
    },
    ...tuning,
  };
}

function numberOption<K extends 'timeoutMs' | 'refreshIntervalMs'>(
  config: ConfigService,
  variable: string,
  option: K,
): Partial<Record<K, number>> {
  const text = config.get<string>(variable);
  if (text === undefined || text === '') return {};
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${variable} must be a positive number of milliseconds`);
  }
  return { [option]: value } as Partial<Record<K, number>>;
}
