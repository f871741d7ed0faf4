import type { INestApplicationContext, ModuleMetadata } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SecretsBootError } from 'nest-aws-secrets';
import { expect } from 'vitest';
import { SecretsRefresher } from '../../../lib/refresh/secrets-refresher.js';
import { LogCapture } from '../../support/log-capture.js';

/** A booted, initialised testing module and the log lines it wrote. */
export interface BootedApp {
  readonly app: INestApplicationContext;
  readonly logs: LogCapture;
}

/** Compiles and initialises a testing module, capturing every log line. */
export async function bootModule(
  metadata: ModuleMetadata,
  logs = new LogCapture(),
): Promise<BootedApp> {
  const moduleRef = await Test.createTestingModule(metadata)
    .setLogger(logs)
    .compile();
  return { app: await moduleRef.init(), logs };
}

/** Compiles a testing module that must fail; returns its boot error. */
export async function bootFailure(
  metadata: ModuleMetadata,
  logs = new LogCapture(),
): Promise<SecretsBootError> {
  const error = await bootModule(metadata, logs).then(
    ({ app }) => app.close().then(() => undefined),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SecretsBootError);
  return error as SecretsBootError;
}

/**
 * Runs every background check of the app now and waits for it, so that a
 * test counts the API calls of whole checks without waiting an interval.
 */
export async function runChecks(
  app: INestApplicationContext,
  times = 1,
): Promise<void> {
  const refresher = app.get(SecretsRefresher);
  for (let i = 0; i < times; i++) await refresher.checkNow();
}
