import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SecretsBootError } from 'nest-aws-secrets';
import { AppModule } from './app.module.js';

const logger = new Logger('SampleApp');

async function bootstrap(): Promise<void> {
  // abortOnError: false makes create() reject instead of exiting, so the
  // boot error can be reported here.
  const app = await NestFactory.create(AppModule, { abortOnError: false });
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port);
  logger.log(`Listening on http://localhost:${port}`);
}

bootstrap().catch((error: unknown) => {
  // The boot error's message lists every issue and never holds a value.
  if (error instanceof SecretsBootError) {
    logger.error(`Boot refused:\n${error.message}`);
  } else {
    logger.error(`Boot failed: ${describeError(error)}`);
  }
  process.exit(1);
});

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unknown';
}
