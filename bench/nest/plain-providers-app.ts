import {
  Module,
  type INestApplicationContext,
  type Provider,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { SecretClass } from 'nest-aws-secrets';

/**
 * A Nest app with one factory provider per class, each returning a parsed
 * JSON value: what Nest itself costs per injectable secret, without the
 * secrets module. The memory scenario subtracts it to isolate our cost.
 */
export async function bootPlainProvidersApp(
  tokens: readonly SecretClass[],
  values: readonly string[],
): Promise<INestApplicationContext> {
  const providers: Provider[] = tokens.map((token, index) => ({
    provide: token,
    useFactory: () => JSON.parse(values[index]) as unknown,
  }));

  @Module({ providers })
  class PlainProvidersModule {}

  return NestFactory.createApplicationContext(PlainProvidersModule, {
    logger: false,
    abortOnError: false,
  });
}
