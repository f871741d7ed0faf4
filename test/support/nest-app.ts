import type {
  INestApplication,
  LoggerService,
  ModuleMetadata,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';

/**
 * Compiles a testing module from `metadata` into an HTTP app that logs only
 * to `logger`; call `init()` or `listenOnLoopback()` on it next.
 */
export async function createHttpApp(
  metadata: ModuleMetadata,
  logger: LoggerService,
): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule(metadata)
    .setLogger(logger)
    .compile();
  return moduleRef.createNestApplication({ logger });
}

/** Starts `app` on a free port of 127.0.0.1; returns its base URL. */
export async function listenOnLoopback(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}
