import 'reflect-metadata';
import { PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsString,
  ValidateNested,
} from 'class-validator';
import {
  Secret,
  SecretRef,
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

describe('binary secrets through a config class', () => {
  it('delivers the exact bytes (not UTF-8) to a class, a SecretRef, and after rotation', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/cert');
    const first = new Uint8Array([0x00, 0xff, 0xfe, 0xc3, 0x28, 0x80, 0x0a]);
    const second = new Uint8Array([0xf0, 0x28, 0x8c, 0x28, 0x00, 0x01]);
    await createSecret(client, name, first);

    @Secret(name, { shape: 'binary' })
    class Certificate {
      @IsNotEmpty() value!: Uint8Array;
    }
    const module = await compile({
      imports: [
        SecretsModule.forRoot({
          client,
          refreshMode: 'off',
          secrets: [Certificate, { id: name, shape: 'binary' }],
        }),
      ],
    });
    const cert = module.get(Certificate);
    const secrets = module.get(SecretsService);
    const ref = secrets.get<Uint8Array>(name) as SecretRef<Uint8Array>;

    expect(cert.value).toBeInstanceOf(Uint8Array);
    expect([...cert.value]).toEqual([...first]);
    expect([...ref.value]).toEqual([...first]);

    await client.send(
      new PutSecretValueCommand({ SecretId: name, SecretBinary: second }),
    );
    await expect(secrets.refresh(Certificate)).resolves.toEqual({
      versionChanged: true,
    });

    expect([...cert.value]).toEqual([...second]);
    expect([...ref.value]).toEqual([...second]);
    await module.close();
  });
});

describe('strict conversion of stored strings', () => {
  function dbClass(id: string) {
    @Secret(id)
    class Db {
      @IsInt() port!: number;
      @IsBoolean() ssl!: boolean;
      @IsString() user!: string;
    }
    return Db;
  }

  it.each([
    [{ port: '', ssl: true, user: 'u' }, ['port']],
    [{ port: ' ', ssl: true, user: 'u' }, ['port']],
    [{ port: '1e3', ssl: true, user: 'u' }, ['port']],
    [{ port: 1, ssl: 'false ', user: 'u' }, ['ssl']],
    [{ port: 1, ssl: '0', user: 'u' }, ['ssl']],
    [{ port: 1, ssl: '', user: 'u' }, ['ssl']],
    [{ port: 1, ssl: true, user: 123 }, ['user']],
  ])('refuses %j at boot', async (value, paths) => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/conv');
    await createSecret(client, name, value);

    const error = await compileFailure({
      imports: [
        SecretsModule.forRoot({
          client,
          refreshMode: 'off',
          secrets: [dbClass(name)],
        }),
      ],
    });

    expect(error.issues.map((issue) => issue.path)).toEqual(paths);
  });

  it('converts unambiguous strings, nested classes included', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/conv-ok');
    await createSecret(client, name, {
      port: '5432',
      ssl: 'false',
      user: 'app',
      pool: { max: '10', idle: 'true' },
    });

    class Pool {
      @IsInt() max!: number;
      @IsBoolean() idle!: boolean;
    }
    @Secret(name)
    class Db {
      @IsInt() port!: number;
      @IsBoolean() ssl!: boolean;
      @IsString() user!: string;
      @ValidateNested() @Type(() => Pool) pool!: Pool;
    }
    const module = await compile({
      imports: [
        SecretsModule.forRoot({ client, refreshMode: 'off', secrets: [Db] }),
      ],
    });

    expect(module.get(Db)).toMatchObject({
      port: 5432,
      ssl: false,
      user: 'app',
      pool: { max: 10, idle: true },
    });
    await module.close();
  });
});

describe('config classes without class-validator rules', () => {
  it('boots a JSON class and a string class that declare no rules', async () => {
    const client = motoClient(moto.endpoint);
    const json = uniqueName('prod/plain');
    const text = uniqueName('prod/plain-text');
    await createSecret(client, json, { host: 'db.local' });
    await createSecret(client, text, 'abc');

    @Secret(json)
    class Plain {
      host!: string;
    }
    @Secret(text, { shape: 'string' })
    class PlainText {
      value!: string;
    }
    const module = await compile({
      imports: [
        SecretsModule.forRoot({
          client,
          refreshMode: 'off',
          secrets: [Plain, PlainText],
        }),
      ],
    });

    expect(module.get(Plain).host).toBe('db.local');
    expect(module.get(PlainText).value).toBe('abc');
    await module.close();
  });

  it('says "at the root" when a rule of the whole object fails', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/plain-strict');
    await createSecret(client, name, { host: 'db.local' });

    @Secret(name)
    class Plain {
      host!: string;
    }
    const error = await compileFailure({
      imports: [
        SecretsModule.forRoot({
          client,
          refreshMode: 'off',
          secrets: [Plain],
          validatorOptions: { forbidUnknownValues: true },
        }),
      ],
    });

    expect(error.issues).toEqual([
      {
        secretId: name,
        kind: 'invalid',
        rules: ['unknownValue'],
        required: true,
        message: `Secret "${name}" failed validation at the root: unknownValue. Fix the stored value or the class rules.`,
      },
    ]);
    expect(error.message).not.toContain('undefined');
  });
});
