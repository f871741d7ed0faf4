import type { Provider } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { bootSecrets } from './boot/boot-secrets.js';
import { LateSecrets } from './boot/late-secrets.js';
import { collectDefinitions } from './boot/collect-definitions.js';
import { SecretsLoader } from './loader/secrets-loader.js';
import { SecretsLogger } from './logging/secrets-logger.js';
import { resolveSecretsOptions } from './options/resolve-options.js';
import type { ResolvedSecretsOptions } from './options/resolved-secrets-options.interface.js';
import {
  SECRETS_BOOT,
  SECRETS_MANAGER_CLIENT,
  SECRETS_RESOLVED_OPTIONS,
  SECRETS_SOURCE,
} from './secrets.constants.js';
import { SECRETS_MODULE_OPTIONS } from './secrets.module-definition.js';
import { SecretsService } from './secrets.service.js';
import { SECRETS_REFRESH_PROVIDERS } from './refresh/refresh.providers.js';
import { SecretsRefresher } from './refresh/secrets-refresher.js';
import {
  createSecretSource,
  createSecretsClient,
} from './source/create-secret-source.js';
import type { SecretSource } from './source/secret-source.interface.js';
import { SecretsStats } from './stats/secrets-stats.js';
import { SecretStore } from './store/secret-store.js';

/** The providers of `SecretsCoreModule`, all exported. */
export const SECRETS_CORE_PROVIDERS: Provider[] = [
  {
    provide: SECRETS_RESOLVED_OPTIONS,
    useFactory: resolveSecretsOptions,
    inject: [SECRETS_MODULE_OPTIONS],
  },
  {
    provide: SecretsLogger,
    useFactory: (options: ResolvedSecretsOptions) =>
      new SecretsLogger(options.logger),
    inject: [SECRETS_RESOLVED_OPTIONS],
  },
  { provide: SecretsStats, useFactory: () => new SecretsStats() },
  { provide: SecretStore, useFactory: () => new SecretStore() },
  {
    provide: SECRETS_MANAGER_CLIENT,
    useFactory: createSecretsClient,
    inject: [SECRETS_RESOLVED_OPTIONS],
  },
  {
    provide: SECRETS_SOURCE,
    useFactory: createSecretSource,
    inject: [
      SECRETS_RESOLVED_OPTIONS,
      SECRETS_MANAGER_CLIENT,
      SecretsStats,
      SecretsLogger,
    ],
  },
  {
    provide: SecretsLoader,
    useFactory: (
      source: SecretSource,
      store: SecretStore,
      options: ResolvedSecretsOptions,
      stats: SecretsStats,
      logger: SecretsLogger,
    ) => new SecretsLoader(source, store, options, stats, logger),
    inject: [
      SECRETS_SOURCE,
      SecretStore,
      SECRETS_RESOLVED_OPTIONS,
      SecretsStats,
      SecretsLogger,
    ],
  },
  {
    provide: SECRETS_BOOT,
    useFactory: (
      discovery: DiscoveryService,
      store: SecretStore,
      loader: SecretsLoader,
      logger: SecretsLogger,
      source: SecretSource,
    ) =>
      bootSecrets(collectDefinitions(discovery), {
        store,
        loader,
        logger,
        sourceName: source.name,
      }),
    inject: [
      DiscoveryService,
      SecretStore,
      SecretsLoader,
      SecretsLogger,
      SECRETS_SOURCE,
    ],
  },
  ...SECRETS_REFRESH_PROVIDERS,
  {
    provide: LateSecrets,
    useFactory: (
      store: SecretStore,
      loader: SecretsLoader,
      logger: SecretsLogger,
      refresher: SecretsRefresher,
    ) =>
      new LateSecrets({
        store,
        loader,
        logger,
        track: (key) => refresher.track(key),
      }),
    inject: [SecretStore, SecretsLoader, SecretsLogger, SecretsRefresher],
  },
  SecretsService,
];
