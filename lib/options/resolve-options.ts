import { Logger } from '@nestjs/common';
import { SecretsOptionsError } from '../errors/secrets-options.error.js';
import { invalidOptionMessage } from '../secrets.messages.js';
import { isAuthFailure } from '../retry/auth-failure.classifier.js';
import type { ResolvedSecretsOptions } from './resolved-secrets-options.interface.js';
import type {
  SecretsModuleOptions,
  SecretsRefreshMode,
} from './secrets-module-options.interface.js';

/** Context of the module's default logger. */
export const SECRETS_LOGGER_CONTEXT = 'SecretsModule';

/**
 * Longest duration option, in milliseconds (2^31 - 1, about 24.8 days):
 * Node runs a longer timer after 1 ms, which would turn a long interval
 * into a busy loop and a long timeout into an immediate abort.
 */
export const MAX_DURATION_MS = 2_147_483_647;

type DurationOption =
  | 'timeoutMs'
  | 'refreshIntervalMs'
  | 'maxStalenessMs'
  | 'backoffInitialMs'
  | 'backoffMaxMs'
  | 'minRefreshIntervalMs';

const REFRESH_MODES: readonly SecretsRefreshMode[] = [
  'list',
  'describe',
  'ttl',
  'off',
];

function invalid(
  name: string,
  expected: string,
  received: unknown,
  numeric = true,
): SecretsOptionsError {
  return new SecretsOptionsError(
    invalidOptionMessage(name, expected, received, numeric),
    name,
  );
}

// Options may come from configuration files or environment variables, so
// the types are checked at run time, not trusted.
function duration(
  options: SecretsModuleOptions,
  name: DurationOption,
  fallback: number,
): number {
  const value: unknown = options[name] ?? fallback;
  if (typeof value !== 'number' || !(value > 0 && value <= MAX_DURATION_MS)) {
    const expected = `a positive number of milliseconds up to ${MAX_DURATION_MS}`;
    throw invalid(name, expected, value);
  }
  return value;
}

function count(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw invalid('cacheMaxEntries', 'a positive integer', value);
  }
  return value;
}

function ratio(value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw invalid('refreshJitterRatio', 'a number from 0 to 1', value);
  }
  return value;
}

function refreshMode(value: unknown): SecretsRefreshMode {
  if (!REFRESH_MODES.includes(value as SecretsRefreshMode)) {
    const expected = `one of ${REFRESH_MODES.map((m) => `'${m}'`).join(', ')}`;
    throw invalid('refreshMode', expected, value, false);
  }
  return value as SecretsRefreshMode;
}

/**
 * Merges user options with the defaults. The only place defaults live:
 * `forRoot` and `forRootAsync` both reach it through the
 * `SECRETS_RESOLVED_OPTIONS` provider. Throws a `SecretsOptionsError` for
 * an option out of range or of the wrong type.
 */
export function resolveSecretsOptions(
  options: SecretsModuleOptions = {},
): ResolvedSecretsOptions {
  return {
    client: options.client,
    clientConfig: options.clientConfig,
    localFile: options.localFile,
    source: options.source,
    timeoutMs: duration(options, 'timeoutMs', 5_000),
    batch: options.batch ?? true,
    refreshMode: refreshMode(options.refreshMode ?? 'list'),
    refreshIntervalMs: duration(options, 'refreshIntervalMs', 300_000),
    refreshJitterRatio: ratio(options.refreshJitterRatio ?? 0.1),
    maxStalenessMs: duration(options, 'maxStalenessMs', 900_000),
    backoffInitialMs: duration(options, 'backoffInitialMs', 1_000),
    backoffMaxMs: duration(options, 'backoffMaxMs', 300_000),
    minRefreshIntervalMs: duration(options, 'minRefreshIntervalMs', 1_000),
    cacheMaxEntries: count(options.cacheMaxEntries ?? 1_000),
    logger: options.logger ?? new Logger(SECRETS_LOGGER_CONTEXT),
    // Implicit conversion stays off: `validateSecret` converts strictly
    // instead (see `transformOptions`).
    transformOptions: {
      enableImplicitConversion: false,
      ...options.transformOptions,
    },
    // A config class without rules is legitimate: nothing to check.
    validatorOptions: {
      forbidUnknownValues: false,
      ...options.validatorOptions,
    },
    isAuthFailure: options.isAuthFailure ?? isAuthFailure,
  };
}
