import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DeleteSecretCommand } from '@aws-sdk/client-secrets-manager';
import { IsInt, IsString } from 'class-validator';
import {
  Secret,
  SecretsBootError,
  SecretsModule,
  SecretsService,
} from 'nest-aws-secrets';
import { describe, expect, it } from 'vitest';
import { useMotoServer } from '../../support/moto-fixture.js';
import { compile, compileFailure } from './support/boot-app.js';
import {
  createSecret,
  motoClient,
  uniqueName,
} from './support/moto-secrets.js';

const moto = useMotoServer();

function portClass(id: string) {
  @Secret(id)
  class PortSecret {
    @IsString() host!: string;
    @IsInt() port!: number;
  }
  return PortSecret;
}

describe('a boot with a failing secret', () => {
  it('stops on a secret that does not exist', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/missing');
    const error = await compileFailure({
      imports: [SecretsModule.forRoot({ client, secrets: [portClass(name)] })],
    });
    expect(error.issues).toEqual([
      expect.objectContaining({
        secretId: name,
        kind: 'not-found',
        code: 'ResourceNotFoundException',
      }),
    ]);
    expect(error.message).toContain(`"${name}"`);
  });

  it('stops on a value that is not JSON', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/not-json');
    await createSecret(client, name, 'host=db;port=5432');
    const error = await compileFailure({
      imports: [SecretsModule.forRoot({ client, secrets: [portClass(name)] })],
    });
    expect(error.issues).toEqual([
      expect.objectContaining({ secretId: name, kind: 'not-json' }),
    ]);
    expect(error.message).not.toContain('host=db');
  });

  it('stops on a missing property and on a missing declared key', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/partial');
    await createSecret(client, name, { host: 'db' });
    @Secret(name, { key: 'password' })
    class PasswordOnly {
      @IsString() value!: string;
    }
    const error = await compileFailure({
      imports: [
        SecretsModule.forRoot({
          client,
          secrets: [portClass(name), PasswordOnly],
        }),
      ],
    });
    expect(error.issues).toEqual([
      expect.objectContaining({
        secretId: name,
        kind: 'invalid',
        path: 'port',
        rules: ['isInt'],
      }),
      expect.objectContaining({ secretId: name, kind: 'wrong-shape' }),
    ]);
    expect(error.message).toContain('"password"');
  });

  it('stops on a wrong type, naming the field and rule', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/wrong-type');
    await createSecret(client, name, { host: 'db', port: 'five' });
    const error = await compileFailure({
      imports: [SecretsModule.forRoot({ client, secrets: [portClass(name)] })],
    });
    expect(error.issues).toEqual([
      {
        secretId: name,
        kind: 'invalid',
        path: 'port',
        rules: ['isInt'],
        required: true,
        message: expect.stringContaining('"port": isInt'),
      },
    ]);
    expect(error.message).not.toContain('five');
  });

  it('reports several failures of several secrets in one error', async () => {
    const client = motoClient(moto.endpoint);
    const missing = uniqueName('prod/gone');
    const notJson = uniqueName('prod/text');
    const invalid = uniqueName('prod/bad');
    await createSecret(client, notJson, 'plain');
    await createSecret(client, invalid, { host: 'db', port: 'x' });

    const error = await compileFailure({
      imports: [
        SecretsModule.forRoot({
          client,
          secrets: [portClass(missing), portClass(notJson), portClass(invalid)],
        }),
      ],
    });

    expect(error.issues.map((i) => [i.secretId, i.kind, i.path])).toEqual([
      [missing, 'not-found', undefined],
      [notJson, 'not-json', undefined],
      [invalid, 'invalid', 'port'],
    ]);
    const lines = error.message.split('\n');
    expect(lines[0]).toMatch(/3 issues/);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain(
      `"${invalid}" failed validation at "port": isInt`,
    );
  });

  it('classifies a secret scheduled for deletion', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/deleted');
    await createSecret(client, name, { host: 'h', port: 1 });
    await client.send(
      new DeleteSecretCommand({ SecretId: name, RecoveryWindowInDays: 7 }),
    );
    const error = await compileFailure({
      imports: [SecretsModule.forRoot({ client, secrets: [portClass(name)] })],
    });
    expect(error.issues).toEqual([
      expect.objectContaining({ secretId: name, kind: 'marked-for-deletion' }),
    ]);
  });

  it('starts without an optional secret that failed, and reports it', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/optional');
    @Secret(name, { required: false })
    class Optional {
      @IsString() host!: string;
    }
    const module = await compile({
      imports: [SecretsModule.forRoot({ client, secrets: [Optional] })],
    });
    const service = module.get(SecretsService);
    expect(service.get(Optional).host).toBeUndefined();
    expect(service.status()).toEqual([
      expect.objectContaining({
        state: 'failing',
        required: false,
        lastError: expect.objectContaining({ kind: 'not-found' }),
      }),
    ]);
    await module.close();
  });

  it('makes NestFactory.create reject with the SecretsBootError', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/factory');
    @Module({
      imports: [SecretsModule.forRoot({ client, secrets: [portClass(name)] })],
    })
    class AppModule {}

    const error = await NestFactory.create(AppModule, {
      abortOnError: false,
      logger: false,
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SecretsBootError);
    expect((error as SecretsBootError).issues[0].kind).toBe('not-found');
  });
});
