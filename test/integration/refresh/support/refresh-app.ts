import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { INestApplicationContext, Provider, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  SecretEvents,
  SecretsModule,
  SecretsService,
  type SecretDeclaration,
  type SecretRotationEvent,
  type SecretsModuleOptions,
} from 'nest-aws-secrets';
import { filter, firstValueFrom } from 'rxjs';
import { SecretsRefresher } from '../../../../lib/refresh/secrets-refresher.js';
import { LogCapture } from '../../../support/log-capture.js';

/** A booted app with the pieces refresh tests look at. */
export interface RefreshApp {
  readonly app: INestApplicationContext;
  readonly secrets: SecretsService;
  readonly refresher: SecretsRefresher;
  readonly events: SecretEvents;
  readonly logs: LogCapture;
  /** Every event seen since boot. */
  readonly seen: SecretRotationEvent[];
  /** Resolves with the next event of `type` (for `secretId`, if given). */
  next<T extends SecretRotationEvent['type']>(
    type: T,
    secretId?: string,
  ): Promise<Extract<SecretRotationEvent, { type: T }>>;
  close(): Promise<void>;
}

/** Settings of `bootRefreshApp`. */
export interface RefreshAppOptions extends SecretsModuleOptions {
  readonly secrets: SecretDeclaration[];
  /** Extra providers (handlers, consumers). */
  readonly providers?: Provider[];
}

// Apps booted and not yet closed, so that one afterEach can close them all.
const open = new Set<RefreshApp>();

/**
 * Boots a Nest application context with `SecretsModule.forRoot(options)`
 * and runs its lifecycle hooks (so the refresher starts). Background
 * refresh defaults to a long interval; tests drive it with
 * `refresher.checkNow()` or fake timers.
 */
export async function bootRefreshApp(
  options: RefreshAppOptions,
): Promise<RefreshApp> {
  const logs = new LogCapture();
  const { providers = [], ...moduleOptions } = options;
  const moduleRef = await Test.createTestingModule({
    imports: [
      SecretsModule.forRoot({
        refreshIntervalMs: 3_600_000,
        logger: logs,
        ...moduleOptions,
      }),
    ],
    providers,
  })
    .setLogger(logs)
    .compile();
  const app = await moduleRef.init();
  const events = app.get(SecretEvents);
  const seen: SecretRotationEvent[] = [];
  events.events$.subscribe((event) => seen.push(event));
  let closing: Promise<void> | undefined;
  const running: RefreshApp = {
    app,
    secrets: app.get(SecretsService),
    refresher: app.get(SecretsRefresher),
    events,
    logs,
    seen,
    next: <T extends SecretRotationEvent['type']>(type: T, secretId?: string) =>
      firstValueFrom(
        events.events$.pipe(
          filter(
            (e) =>
              e.type === type &&
              (secretId === undefined || e.secretId === secretId),
          ),
        ),
      ) as Promise<Extract<SecretRotationEvent, { type: T }>>,
    close() {
      open.delete(running);
      // Idempotent: a test may close its app before the afterEach does.
      closing ??= app.close();
      return closing;
    },
  };
  open.add(running);
  return running;
}

/** Closes every app `bootRefreshApp` has booted since the last call. */
export async function closeRefreshApps(): Promise<void> {
  await Promise.all([...open].map((app) => app.close()));
}

/** Gets a provider of the app by class. */
export function getProvider<T>(app: RefreshApp, type: Type<T>): T {
  return app.app.get(type);
}

export type { SecretsManagerClient };
