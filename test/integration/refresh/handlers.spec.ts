import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  OnSecretRotated,
  SecretEvents,
  SecretsModule,
  SecretsService,
  type SecretRotatedEvent,
} from 'nest-aws-secrets';
import { firstValueFrom, take, toArray } from 'rxjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  createSecret,
  putValue,
  secretsClient,
  uniqueSecretName,
} from '../../support/aws.js';
import { makeCanary } from '../../support/canary.js';
import { LogCapture } from '../../support/log-capture.js';
import { useMotoServer } from '../../support/moto-fixture.js';
import {
  bootRefreshApp,
  closeRefreshApps,
  type RefreshApp,
} from './support/refresh-app.js';
import { dbSecretClass, dbValue } from '../../support/db-secret.js';

let client: SecretsManagerClient;
let running: RefreshApp | undefined;

const moto = useMotoServer((started) => {
  client = secretsClient(started.endpoint, { maxAttempts: 1 });
});
afterEach(closeRefreshApps);
afterAll(() => client?.destroy());

describe('@OnSecretRotated handlers (scenario 22)', () => {
  it('calls every handler with the event; a throwing one is logged and stops nothing', async () => {
    const name = uniqueSecretName('events/handlers');
    const created = await createSecret(admin(), name, dbValue(makeCanary()));
    const Db = dbSecretClass(name);
    const calls: string[] = [];

    @Injectable()
    class PoolManager {
      @OnSecretRotated(Db)
      rebuild(event: SecretRotatedEvent) {
        calls.push(`rebuild ${event.previousVersionId} -> ${event.versionId}`);
      }
    }
    @Injectable()
    class Broken {
      @OnSecretRotated(name)
      explode(): never {
        throw new TypeError('handler bug');
      }
      @OnSecretRotated(name)
      async reject(): Promise<void> {
        throw new RangeError('async handler bug');
      }
    }
    @Injectable()
    class Audit {
      @OnSecretRotated(name)
      record(event: SecretRotatedEvent) {
        calls.push(`audit ${event.versionId}`);
      }
    }

    running = await bootRefreshApp({
      client,
      secrets: [Db],
      providers: [PoolManager, Broken, Audit],
    });
    const app = running;
    const v2 = await putValue(admin(), name, dbValue(makeCanary()));
    const rotated = app.next('rotated', name);
    await app.refresher.checkNow();
    await rotated;

    expect(calls).toEqual([
      `rebuild ${created.versionId} -> ${v2}`,
      `audit ${v2}`,
    ]);
    await untilErrorsLogged(app, 2);
    const errors = app.logs.ofLevel('error').map((e) => e.message);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Broken.explode failed (TypeError)'),
        expect.stringContaining('Broken.reject failed (RangeError)'),
      ]),
    );

    // The refresh loop goes on: the next rotation is handled too.
    const v3 = await putValue(admin(), name, dbValue(makeCanary()));
    await app.refresher.checkNow();
    expect(calls.at(-1)).toBe(`audit ${v3}`);
    expect(app.secrets.metadata(Db).versionId).toBe(v3);
  });

  it('SecretsService.events$ streams rotations as an Observable', async () => {
    const name = uniqueSecretName('events/stream');
    await createSecret(admin(), name, dbValue(makeCanary()));
    const Db = dbSecretClass(name);
    running = await bootRefreshApp({ client, secrets: [Db] });
    const app = running;
    const two = firstValueFrom(app.secrets.events$.pipe(take(2), toArray()));

    const v2 = await putValue(admin(), name, dbValue(makeCanary()));
    await app.refresher.checkNow();
    const v3 = await putValue(admin(), name, dbValue(makeCanary()));
    await app.refresher.checkNow();

    expect((await two).map((e) => e.type === 'rotated' && e.versionId)).toEqual(
      [v2, v3],
    );
  });
});

describe('handlers in a testing module (scenario 25)', () => {
  it('are bound by init(), and SecretEvents.emit fires a rotation by hand', async () => {
    const name = uniqueSecretName('events/testing');
    await createSecret(admin(), name, dbValue(makeCanary()));
    const seen: string[] = [];
    @Injectable()
    class Listener {
      @OnSecretRotated(name)
      handle(event: SecretRotatedEvent) {
        seen.push(event.versionId);
      }
    }
    const moduleRef = await Test.createTestingModule({
      imports: [
        SecretsModule.forRoot({
          client,
          secrets: [dbSecretClass(name)],
          logger: new LogCapture(),
        }),
      ],
      providers: [Listener],
    })
      .setLogger(new LogCapture())
      .compile();
    const events = moduleRef.get(SecretEvents);
    const fire = (versionId: string) =>
      events.emit({
        type: 'rotated',
        secretId: name,
        previousVersionId: 'v0',
        versionId,
        at: new Date(),
      });

    fire('before-init');
    expect(seen).toEqual([]);
    await moduleRef.init();
    fire('after-init');
    expect(seen).toEqual(['after-init']);
    expect(moduleRef.get(SecretsService)).toBeDefined();
    await moduleRef.close();
  });
});

let adminClient: SecretsManagerClient | undefined;
function admin(): SecretsManagerClient {
  adminClient ??= secretsClient(moto.endpoint);
  return adminClient;
}

// Async handler failures are logged when their promise settles.
async function untilErrorsLogged(app: RefreshApp, count: number) {
  for (let i = 0; i < 10 && app.logs.ofLevel('error').length < count; i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}
