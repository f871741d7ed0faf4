import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  Inject,
  Module,
  Optional,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { ResolvedSecretsOptions } from './options/resolved-secrets-options.interface.js';
import { SECRETS_CORE_PROVIDERS } from './secrets-core.providers.js';
import {
  SECRETS_MANAGER_CLIENT,
  SECRETS_RESOLVED_OPTIONS,
} from './secrets.constants.js';
import { ConfigurableSecretsCoreModule } from './secrets.module-definition.js';

const tokenOf = (provider: Provider) =>
  typeof provider === 'function' ? provider : provider.provide;

/**
 * The always-global core: resolved options, client, source, store, loader,
 * boot gate and `SecretsService`. Imported through `SecretsModule.forRoot`
 * or `forRootAsync`; never imported directly.
 */
@Module({
  imports: [DiscoveryModule],
  providers: SECRETS_CORE_PROVIDERS,
  exports: SECRETS_CORE_PROVIDERS.map(tokenOf),
})
export class SecretsCoreModule
  extends ConfigurableSecretsCoreModule
  implements OnApplicationShutdown
{
  constructor(
    @Inject(SECRETS_RESOLVED_OPTIONS)
    private readonly options: ResolvedSecretsOptions,
    @Optional()
    @Inject(SECRETS_MANAGER_CLIENT)
    private readonly client?: SecretsManagerClient,
  ) {
    super();
  }

  /** Releases the sockets of a client the module built itself. */
  onApplicationShutdown(): void {
    if (this.client && !this.options.client) this.client.destroy();
  }
}
