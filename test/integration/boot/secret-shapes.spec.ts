import 'reflect-metadata';
import { Injectable } from '@nestjs/common';
import { inspect } from 'node:util';
import { IsInt, IsString, Min } from 'class-validator';
import {
  InjectSecret,
  revealSecret,
  Secret,
  SecretRef,
  SecretsModule,
  SecretsService,
} from 'nest-aws-secrets';
import { describe, expect, it } from 'vitest';
import { useMotoServer } from '../../support/moto-fixture.js';
import { compile } from './support/boot-app.js';
import {
  canary,
  createSecret,
  motoClient,
  uniqueName,
} from './support/moto-secrets.js';

const moto = useMotoServer();

describe('booting with secrets of each shape', () => {
  it('injects a JSON secret by class, with numbers converted', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/app/db');
    const password = canary();
    await createSecret(client, name, {
      engine: 'postgres',
      host: 'db.local',
      port: '5432',
      username: 'app',
      password,
    });

    @Secret(name)
    class DbSecret {
      @IsString() engine!: string;
      @IsString() host!: string;
      @IsInt() @Min(1) port!: number;
      @IsString() username!: string;
      @IsString() password!: string;
    }
    @Injectable()
    class Repository {
      constructor(readonly db: DbSecret) {}
    }

    const module = await compile({
      imports: [SecretsModule.forRoot({ client, secrets: [DbSecret] })],
      providers: [Repository],
    });
    const { db } = module.get(Repository);

    expect(db).toBeInstanceOf(DbSecret);
    expect(db.port).toBe(5432);
    expect(db.password).toBe(password);
    expect(module.get(DbSecret)).toBe(db);
    expect(inspect(db)).not.toContain(password);
    expect(JSON.stringify(db)).not.toContain(password);
    expect(`${db}`).toContain('password: [redacted]');
    expect(revealSecret(db).password).toBe(password);
    await module.close();
  });

  it('injects string and binary secrets through @InjectSecret, bytes exact', async () => {
    const client = motoClient(moto.endpoint);
    const keyName = uniqueName('prod/api-key');
    const binName = uniqueName('prod/cert');
    // Not valid UTF-8: a lossy decode anywhere would change these bytes.
    const bytes = new Uint8Array([0x00, 0xff, 0xfe, 0xc3, 0x28, 0x80, 0x0a]);
    await createSecret(client, keyName, '-----BEGIN KEY-----\n{not json}');
    await createSecret(client, binName, bytes);

    @Injectable()
    class Consumer {
      constructor(
        @InjectSecret(keyName) readonly key: SecretRef<string>,
        @InjectSecret(binName) readonly cert: SecretRef<Uint8Array>,
      ) {}
    }

    const module = await compile({
      imports: [
        SecretsModule.forRoot({
          client,
          secrets: [
            { id: keyName, shape: 'string' },
            { id: binName, shape: 'binary' },
          ],
        }),
      ],
      providers: [Consumer],
    });
    const consumer = module.get(Consumer);

    expect(consumer.key.value).toBe('-----BEGIN KEY-----\n{not json}');
    expect(consumer.cert.value).toBeInstanceOf(Uint8Array);
    expect([...consumer.cert.value]).toEqual([...bytes]);
    expect(consumer.cert.versionId).toBeTruthy();
    expect(String(consumer.key)).not.toContain('BEGIN');
    const service = module.get(SecretsService);
    expect(service.get<string>(keyName)).toBe(consumer.key);
    await module.close();
  });

  it('reads secrets by full ARN, and one key into a class', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('team/a/b/creds');
    const arn = await createSecret(client, name, {
      username: 'svc',
      password: 'pw',
      nested: { apiKey: 'k' },
    });

    @Secret(arn)
    class Creds {
      @IsString() username!: string;
    }
    @Secret(arn, { key: 'password' })
    class PasswordOnly {
      @IsString() value!: string;
    }

    const module = await compile({
      imports: [
        SecretsModule.forRoot({ client, secrets: [Creds, PasswordOnly] }),
      ],
    });
    const service = module.get(SecretsService);

    expect(module.get(Creds).username).toBe('svc');
    expect(module.get(PasswordOnly).value).toBe('pw');
    const meta = service.metadata(Creds);
    expect(meta).toMatchObject({ secretId: arn, name, arn });
    expect(meta.versionStages).toContain('AWSCURRENT');
    expect(meta.fetchedAt).toBeInstanceOf(Date);
    // Both classes read the same version through one fetch.
    expect(service.records()).toHaveLength(1);
    expect(service.metadata(PasswordOnly).versionId).toBe(meta.versionId);
    expect(service.status()).toEqual([
      expect.objectContaining({
        secretId: arn,
        state: 'fresh',
        required: true,
      }),
    ]);
    await module.close();
  });

  it('serves snapshots that later changes do not touch', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/snap');
    await createSecret(client, name, { host: 'a' });

    @Secret(name)
    class Snap {
      @IsString() host!: string;
    }

    const module = await compile({
      imports: [SecretsModule.forRoot({ client, secrets: [Snap] })],
    });
    const service = module.get(SecretsService);
    const snapshot = service.snapshot(Snap);
    service.get(Snap).host = 'b';

    expect(snapshot.host).toBe('a');
    expect(Object.isFrozen(snapshot)).toBe(true);
    expect(() => service.get('never-declared')).toThrow(/not declared/);
    expect(service.stats().apiCalls.BatchGetSecretValue).toBe(1);
    await module.close();
  });
});
