import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Provider } from '@nestjs/common';
import { SecretEvents } from '../events/secret-events.js';
import { SecretEventsExplorer } from '../events/secret-events.explorer.js';
import { SecretsLoader } from '../loader/secrets-loader.js';
import { SecretsLogger } from '../logging/secrets-logger.js';
import type { ResolvedSecretsOptions } from '../options/resolved-secrets-options.interface.js';
import {
  SECRETS_BOOT,
  SECRETS_MANAGER_CLIENT,
  SECRETS_RESOLVED_OPTIONS,
  SECRETS_SOURCE,
} from '../secrets.constants.js';
import type { SecretSource } from '../source/secret-source.interface.js';
import { SecretsStats } from '../stats/secrets-stats.js';
import { SecretStore } from '../store/secret-store.js';
import { createDetector } from './create-detector.js';
import { DynamicSecrets } from './dynamic-secrets.js';
import { RefreshReporter } from './refresh-reporter.js';
import { RefreshRound } from './refresh-round.js';
import { SECRETS_REFRESH_DEPS } from './refresh.tokens.js';
import {
  SecretsRefresher,
  type SecretsRefresherDeps,
} from './secrets-refresher.js';
import { VersionSync } from './version-sync.js';

function refresherDeps(
  options: ResolvedSecretsOptions,
  source: SecretSource,
  client: SecretsManagerClient | undefined,
  store: SecretStore,
  loader: SecretsLoader,
  stats: SecretsStats,
  logger: SecretsLogger,
  events: SecretEvents,
): SecretsRefresherDeps {
  const reporter = new RefreshReporter(logger, events, options.timeoutMs);
  const sync = new VersionSync(store, loader, reporter, stats);
  const detector = createDetector({ options, source, client, stats, logger });
  const round =
    detector &&
    new RefreshRound({
      store,
      detector,
      sync,
      reporter,
      stats,
      backoffMaxMs: options.backoffMaxMs,
      jitterRatio: options.refreshJitterRatio,
    });
  return {
    options,
    source,
    store,
    sync,
    round,
    logger,
    detectionMode: detector?.mode,
    watchedFile: options.localFile,
  };
}

/**
 * The refresh and events providers of the core module: the event stream,
 * the `@OnSecretRotated` explorer, the refresher and the dynamic cache.
 */
export const SECRETS_REFRESH_PROVIDERS: Provider[] = [
  SecretEvents,
  SecretEventsExplorer,
  {
    provide: SECRETS_REFRESH_DEPS,
    useFactory: (_boot: unknown, ...deps: Parameters<typeof refresherDeps>) =>
      refresherDeps(...deps),
    inject: [
      SECRETS_BOOT,
      SECRETS_RESOLVED_OPTIONS,
      SECRETS_SOURCE,
      SECRETS_MANAGER_CLIENT,
      SecretStore,
      SecretsLoader,
      SecretsStats,
      SecretsLogger,
      SecretEvents,
    ],
  },
  SecretsRefresher,
  {
    provide: DynamicSecrets,
    useFactory: (
      source: SecretSource,
      options: ResolvedSecretsOptions,
      stats: SecretsStats,
    ) => new DynamicSecrets(source, options, stats),
    inject: [SECRETS_SOURCE, SECRETS_RESOLVED_OPTIONS, SecretsStats],
  },
];
