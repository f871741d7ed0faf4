import 'reflect-metadata';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { Module, type INestApplication } from '@nestjs/common';
import { IsString } from 'class-validator';
import {
  Secret,
  SecretsModule,
  SecretsService,
  type SecretRotationEvent,
} from 'nest-aws-secrets';
import { filter, firstValueFrom } from 'rxjs';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HealthModule } from '../../../sample-app/health/health.module.js';
import { createSecret, uniqueSecretName } from '../../support/aws.js';
import { assertNoCanary, makeCanary } from '../../support/canary.js';
import type { FaultProxy } from '../../support/fault-proxy.js';
import { LogCapture } from '../../support/log-capture.js';
import { useProxiedMoto } from '../../support/moto-fixture.js';
import { createHttpApp } from '../../support/nest-app.js';

const REFRESH_INTERVAL_MS = 60_000;
const MAX_STALENESS_MS = 5 * 60_000;

let proxy: FaultProxy;
let client: SecretsManagerClient;
let admin: SecretsManagerClient;
let app: INestApplication | undefined;

useProxiedMoto((aws) => ({ proxy, admin, client } = aws));

afterEach(async () => {
  await app?.close();
  app = undefined;
  proxy.reset();
  vi.useRealTimers();
});

/** Boots a Nest app with one required database secret and `HealthModule`. */
async function bootApp(logs: LogCapture) {
  const name = uniqueSecretName('health/db');
  const password = makeCanary({ special: true });
  const stored = await createSecret(admin, name, { password });

  @Secret(name)
  class DbSecret {
    @IsString() password!: string;
  }
  @Module({
    imports: [
      SecretsModule.forRoot({
        client,
        secrets: [DbSecret],
        refreshMode: 'describe',
        refreshIntervalMs: REFRESH_INTERVAL_MS,
        refreshJitterRatio: 0,
        maxStalenessMs: MAX_STALENESS_MS,
        logger: logs,
      }),
      HealthModule,
    ],
  })
  class AppModule {}

  app = await createHttpApp({ imports: [AppModule] }, logs);
  await app.init();
  return { name, password, versionId: stored.versionId, app, DbSecret };
}

function nextFailure(app: INestApplication): Promise<SecretRotationEvent> {
  return firstValueFrom(
    app
      .get(SecretsService)
      .events$.pipe(filter((event) => event.type === 'failed')),
  );
}

describe('GET /health with the secrets indicator', () => {
  it('answers 200 with every secret fresh', async () => {
    const logs = new LogCapture();
    const { name, password, versionId, app } = await bootApp(logs);

    const res = await request(app.getHttpServer()).get('/health').expect(200);

    expect(res.body.status).toBe('ok');
    expect(res.body.details.secrets.status).toBe('up');
    expect(res.body.details.secrets.secrets).toEqual([
      expect.objectContaining({
        secretId: name,
        name,
        stage: 'AWSCURRENT',
        versionId,
        required: true,
        state: 'fresh',
        consecutiveFailures: 0,
      }),
    ]);
    const [entry] = res.body.details.secrets.secrets;
    expect(entry).not.toHaveProperty('status');
    expect(Date.parse(entry.fetchedAt)).not.toBeNaN();
    expect(entry.ageMs).toBeGreaterThanOrEqual(0);
    assertNoCanary(
      [password],
      { where: 'GET /health body', text: res.text },
      logs.haystacks(),
    );
  });

  it('answers 200 on /health/live whatever the secrets', async () => {
    const { app } = await bootApp(new LogCapture());
    proxy.inject('*', { kind: 'internal-error' });

    const res = await request(app.getHttpServer())
      .get('/health/live')
      .expect(200);

    expect(res.body).toEqual({
      status: 'ok',
      info: {},
      error: {},
      details: {},
    });
  });

  it('answers 503 once a required secret has failed past maxStalenessMs', async () => {
    // Faked before boot, so the refresher's timers and the store's clock
    // are fake; HTTP still runs on real sockets.
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
    });
    const logs = new LogCapture();
    const { name, password, app } = await bootApp(logs);
    const server = app.getHttpServer();
    await request(server).get('/health').expect(200);

    proxy.inject('*', { kind: 'internal-error' });
    const failed = nextFailure(app);
    await vi.advanceTimersByTimeAsync(REFRESH_INTERVAL_MS);
    expect(await failed).toMatchObject({
      type: 'failed',
      secretId: name,
      kind: 'server',
      code: 'InternalFailure',
    });

    const stale = await request(server).get('/health').expect(200);
    expect(stale.body.status).toBe('degraded');
    expect(stale.body.details.secrets.secrets[0]).toMatchObject({
      state: 'stale',
      lastErrorKind: 'server',
      lastErrorCode: 'InternalFailure',
    });

    vi.setSystemTime(Date.now() + MAX_STALENESS_MS);
    const down = await request(server).get('/health').expect(503);

    expect(down.body.status).toBe('error');
    expect(down.body.error.secrets.status).toBe('down');
    expect(down.body.error.secrets.message).toContain(name);
    expect(down.body.details.secrets.secrets[0]).toMatchObject({
      secretId: name,
      state: 'failing',
      required: true,
    });
    expect(down.body.details.secrets.secrets[0].consecutiveFailures).toBe(1);
    assertNoCanary(
      [password],
      { where: 'GET /health bodies', text: [stale.text, down.text] },
      logs.haystacks(),
    );
  });

  it('recovers to 200 when the next check succeeds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const logs = new LogCapture();
    const { app, DbSecret } = await bootApp(logs);
    const server = app.getHttpServer();
    const service = app.get(SecretsService);

    proxy.inject('*', { kind: 'throttle' });
    const failed = nextFailure(app);
    await vi.advanceTimersByTimeAsync(REFRESH_INTERVAL_MS);
    await failed;
    vi.setSystemTime(Date.now() + MAX_STALENESS_MS + 1);
    await request(server).get('/health').expect(503);

    proxy.clearFaults();
    const outcome = await service.refresh(DbSecret);

    expect(outcome).toEqual({ versionChanged: false });
    const res = await request(server).get('/health').expect(200);
    expect(res.body.details.secrets.secrets[0].state).toBe('fresh');
  });
});
