import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  SecretsModule,
  type SecretClass,
  type SecretsModuleOptions,
} from 'nest-aws-secrets';
import { benchClientConfig } from '../support/aws-client.js';

/** Options of `bootSecretsApp`. */
export interface SecretsAppOptions {
  /** moto_server or counting-proxy URL. */
  readonly endpoint: string;
  /** Declared secret classes. */
  readonly secrets: readonly SecretClass[];
  /** Module options on top of the endpoint (refresh settings, say). */
  readonly module?: SecretsModuleOptions;
}

/**
 * Boots a Nest application context that imports `SecretsModule` with the
 * given classes. It resolves once the context is initialised: secrets
 * loaded and validated, bootstrap hooks run. The module builds its own
 * client, so every boot opens fresh connections.
 */
export async function bootSecretsApp(
  options: SecretsAppOptions,
): Promise<INestApplicationContext> {
  @Module({
    imports: [
      SecretsModule.forRoot({
        clientConfig: benchClientConfig(options.endpoint),
        logger: false,
        ...options.module,
        secrets: [...options.secrets],
      }),
    ],
  })
  class BenchAppModule {}

  return NestFactory.createApplicationContext(BenchAppModule, {
    logger: false,
    abortOnError: false,
  });
}

/** A Nest application context with no module at all: the floor of a boot. */
export async function bootEmptyApp(): Promise<INestApplicationContext> {
  @Module({})
  class EmptyAppModule {}

  return NestFactory.createApplicationContext(EmptyAppModule, {
    logger: false,
    abortOnError: false,
  });
}
