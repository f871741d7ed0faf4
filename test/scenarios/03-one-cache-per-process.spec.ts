import 'reflect-metadata';
import {
  Controller,
  Get,
  Inject,
  Injectable,
  Scope,
  type INestApplication,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SecretsModule, SecretsService } from 'nest-aws-secrets';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createSecret, uniqueSecretName } from '../support/aws.js';
import { makeCanary } from '../support/canary.js';
import { dbSecretClass, dbValue, type DbFields } from '../support/db-secret.js';
import { useScenarioEnv } from './support/scenario-env.js';

const env = useScenarioEnv();

async function bootHttpApp(name: string, dynamicName: string) {
  const Db = dbSecretClass(name);

  // A new instance per request, as in the bug report.
  @Injectable({ scope: Scope.REQUEST })
  class PerRequestReader {
    constructor(
      @Inject(Db) private readonly db: DbFields,
      private readonly secrets: SecretsService,
    ) {}
    async read() {
      const token = await this.secrets.fetch<{ token: string }>(dynamicName);
      return { user: this.db.username, token: token.token.length };
    }
  }
  @Controller('read')
  class ReadController {
    constructor(private readonly reader: PerRequestReader) {}
    @Get()
    read() {
      return this.reader.read();
    }
  }

  const moduleRef = await Test.createTestingModule({
    imports: [
      SecretsModule.forRoot({
        client: env.client,
        secrets: [Db],
        refreshIntervalMs: 3_600_000,
        logger: false,
      }),
    ],
    controllers: [ReadController],
    providers: [PerRequestReader],
  }).compile();
  const app: INestApplication = moduleRef.createNestApplication({
    logger: false,
  });
  await app.init();
  env.track(() => app.close());
  return app;
}

describe('scenario 3: one cache per process', () => {
  it('serves 50 requests from request-scoped readers with one fetch of each secret', async () => {
    const name = uniqueSecretName('s03/declared');
    const dynamicName = uniqueSecretName('s03/dynamic');
    await createSecret(env.admin, name, dbValue(makeCanary()));
    await createSecret(env.admin, dynamicName, { token: makeCanary() });
    const app = await bootHttpApp(name, dynamicName);
    const bootCalls = env.proxy.counts();

    for (let i = 0; i < 50; i++) {
      const res = await request(app.getHttpServer()).get('/read').expect(200);
      expect(res.body.user).toBe('app_user');
    }

    // The boot read the declared secret once; the requests read nothing
    // but the first lookup of the undeclared one.
    expect(Object.values(bootCalls).reduce((a, b) => a + b, 0)).toBe(1);
    const after = env.proxy.counts();
    expect(after).toEqual({ ...bootCalls, GetSecretValue: 1 });
    const stats = app.get(SecretsService).stats();
    expect(stats.cacheMisses).toBe(1);
    expect(stats.cacheHits).toBe(49);
  });
});
