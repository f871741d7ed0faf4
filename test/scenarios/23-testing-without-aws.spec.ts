import { Injectable } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { firstValueFrom } from 'rxjs';
import { SecretsModule, SecretsService } from 'nest-aws-secrets';
import { InMemorySecretSource, SECRETS_SOURCE } from 'nest-aws-secrets/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awsEnv, createSecret, uniqueSecretName } from '../support/aws.js';
import { makeCanary } from '../support/canary.js';
import { bootFailure, bootModule } from './support/boot.js';
import { dbSecretClass, dbValue, type DbFields } from '../support/db-secret.js';
import { useScenarioEnv } from './support/scenario-env.js';

const env = useScenarioEnv();

// The environment of a developer's shell, pointing at a live endpoint.
let restoreEnv: () => void;
beforeEach(() => {
  const vars = {
    ...awsEnv(env.proxy.endpoint),
    DB_PASSWORD: 'from-the-environment',
  };
  const saved = Object.keys(vars).map((key) => [key, process.env[key]]);
  Object.assign(process.env, vars);
  restoreEnv = () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key!];
      else process.env[key!] = value;
    }
  };
});
afterEach(() => restoreEnv());

describe('scenario 23: tests replace every source, with no AWS and no environment', () => {
  it('injects the given values, converted and validated, with no AWS call', async () => {
    const name = uniqueSecretName('s23/given');
    const password = makeCanary();
    // Same id in the live endpoint: it must not be read.
    await createSecret(env.admin, name, dbValue('from-aws'));
    env.proxy.reset();
    const Db = dbSecretClass(name);

    @Injectable()
    class Repository {
      constructor(readonly db: DbFields) {}
    }
    const { app } = await bootModule({
      imports: [
        SecretsModule.forRoot({
          source: new InMemorySecretSource({
            [name]: { ...dbValue(password), port: '1' },
          }),
          secrets: [Db],
          logger: false,
        }),
      ],
      providers: [
        {
          provide: Repository,
          inject: [Db],
          useFactory: (db: DbFields) => new Repository(db),
        },
      ],
    });
    env.track(() => app.close());

    expect(app.get(Repository).db).toMatchObject({ password, port: 1 });
    expect(app.get(SecretsService).status()[0].state).toBe('fresh');
    expect(env.proxy.count('*')).toBe(0);
  });

  it('still validates given values', async () => {
    const name = uniqueSecretName('s23/invalid');

    const error = await bootFailure({
      imports: [
        SecretsModule.forRoot({
          source: new InMemorySecretSource({
            [name]: { username: 'app', port: 'x' },
          }),
          secrets: [dbSecretClass(name)],
          logger: false,
        }),
      ],
    });

    expect(error.issues.map((i) => i.path)).toEqual(['password', 'port']);
    expect(env.proxy.count('*')).toBe(0);
  });

  it('replaces the source of an app module that reads AWS settings', async () => {
    const name = uniqueSecretName('s23/override');
    const Db = dbSecretClass(name);
    @Module({
      imports: [
        SecretsModule.forRootAsync({
          useFactory: () => ({ logger: false }),
          secrets: [Db],
        }),
      ],
    })
    class AppModule {}
    const password = makeCanary();

    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(SECRETS_SOURCE)
      .useValue(new InMemorySecretSource({ [name]: dbValue(password) }))
      .compile();
    const app = await moduleRef.init();
    env.track(() => app.close());

    expect(app.get(Db).password).toBe(password);
    expect(env.proxy.count('*')).toBe(0);
  });

  it('turns set() into a rotation, validated and announced', async () => {
    const name = uniqueSecretName('s23/rotate');
    const Db = dbSecretClass(name);
    const source = new InMemorySecretSource({ [name]: dbValue('first') });
    const { app } = await bootModule({
      imports: [
        SecretsModule.forRoot({ source, secrets: [Db], logger: false }),
      ],
    });
    env.track(() => app.close());
    const secrets = app.get(SecretsService);
    const before = secrets.metadata(Db).versionId;

    const rotated = firstValueFrom(secrets.events$);
    source.set(name, dbValue('second'));
    const event = await rotated;

    expect(event).toMatchObject({
      type: 'rotated',
      secretId: name,
      previousVersionId: before,
    });
    expect(app.get(Db).password).toBe('second');

    const refused = firstValueFrom(secrets.events$);
    source.set(name, { username: 'app', port: 'x' });
    expect(await refused).toMatchObject({ type: 'refused', secretId: name });
    expect(app.get(Db).password).toBe('second');
  });
});
