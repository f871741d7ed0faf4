import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  OnSecretRotated,
  SecretsModule,
  SecretsService,
  type SecretRotatedEvent,
} from 'nest-aws-secrets';
import { describe, expect, it } from 'vitest';
import { createSecret, putValue, uniqueSecretName } from '../support/aws.js';
import { makeCanary } from '../support/canary.js';
import { dbSecretClass, dbValue } from '../support/db-secret.js';
import { useScenarioEnv } from './support/scenario-env.js';

const env = useScenarioEnv();

describe('scenario 25: rotation handlers in a testing module', () => {
  it('a real rotation reaches a handler once the module is initialised', async () => {
    const name = uniqueSecretName('s25/handler');
    const created = await createSecret(env.admin, name, dbValue(makeCanary()));
    const Db = dbSecretClass(name);
    const seen: string[] = [];
    @Injectable()
    class PoolManager {
      @OnSecretRotated(Db)
      rebuild(event: SecretRotatedEvent) {
        seen.push(`${event.previousVersionId} -> ${event.versionId}`);
      }
    }
    const moduleRef = await Test.createTestingModule({
      imports: [
        SecretsModule.forRoot({
          client: env.client,
          secrets: [Db],
          logger: false,
        }),
      ],
      providers: [PoolManager],
    }).compile();
    env.track(() => moduleRef.close());

    await moduleRef.init();
    const v2 = await putValue(env.admin, name, dbValue(makeCanary()));
    await moduleRef.get(SecretsService).refresh(Db);

    expect(seen).toEqual([`${created.versionId} -> ${v2}`]);
  });

  it('is documented, with the way to fire a rotation by hand', () => {
    const doc = readFileSync(
      new URL('../../docs/refresh.md', import.meta.url),
      'utf8',
    ).replace(/\s+/g, ' ');

    expect(doc).toContain('In a testing module they are bound by `init()`');
    expect(doc).toContain('moduleRef.get(SecretEvents).emit(');
  });
});
