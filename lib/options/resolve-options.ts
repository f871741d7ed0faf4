import { Logger } from '@nestjs/common';
import { invalidOptionMessage } from '../secrets.messages.js';
import { isAuthFailure } from '../retry/auth-failure.classifier.js';
import type { ResolvedSecretsOptions } from './resolved-secrets-options.interface.js';
import type { SecretsModuleOptions } from './secrets-module-options.interface.js';

/** Context of the module's default logger. */
export const SECRETS_LOGGER_CONTEXT = 'SecretsModule';

type DurationOption =
  | 'timeoutMs'
  | 'refreshIntervalMs'
  | 'maxStalenessMs'
  | 'backoffInitialMs'
  | 'backoffMaxMs'
  | 'minRefreshIntervalMs'
  | 'cacheMaxEntries';

function positive(
  options: SecretsModuleOptions,
  name: DurationOption,
  fallback: number,
): number {
  const value = options[name] ?? fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(invalidOptionMessage(name, 'a positive finite number'));
  }
  return value;
}

function ratio(value: number): number {
  if (!(value >= 0 && value <= 1)) {
    throw new Error(
      invalidOptionMessage('refreshJitterRatio', 'between 0 and 1'),
    );
  }
  return value;
}

/**
 * Merges user options with the defaults. The only place defaults live:
 * `forRoot` and `forRootAsync` both reach it through the
 * `SECRETS_RESOLVED_OPTIONS` provider.
 */
export function resolveSecretsOptions(
  options: SecretsModuleOptions = {},
): ResolvedSecretsOptions {
  return {
    client: options.client,
    clientConfig: options.clientConfig,
    localFile: options.localFile,
    source: options.source,
    timeoutMs: positive(options, 'timeoutMs', 5_000),
    batch: options.batch ?? true,
    refreshMode: options.refreshMode ?? 'list',
    refreshIntervalMs: positive(options, 'refreshIntervalMs', 300_000),
    refreshJitterRatio: ratio(options.refreshJitterRatio ?? 0.1),
    maxStalenessMs: positive(options, 'maxStalenessMs', 900_000),
    backoffInitialMs: positive(options, 'backoffInitialMs', 1_000),
    backoffMaxMs: positive(options, 'backoffMaxMs', 300_000),
    minRefreshIntervalMs: positive(options, 'minRefreshIntervalMs', 1_000),
    cacheMaxEntries: positive(options, 'cacheMaxEntries', 1_000),
    logger: options.logger ?? new Logger(SECRETS_LOGGER_CONTEXT),
    transformOptions: {
      enableImplicitConversion: true,
      ...options.transformOptions,
    },
    validatorOptions: {
      forbidUnknownValues: true,
      ...options.validatorOptions,
    },
    isAuthFailure: options.isAuthFailure ?? isAuthFailure,
  };
}
