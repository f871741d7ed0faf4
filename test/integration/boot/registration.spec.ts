import 'reflect-metadata';
import { Inject, Injectable, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { IsString } from 'class-validator';
import {
  Secret,
  SecretsModule,
  SecretsService,
  type SecretsModuleOptions,
  type SecretsOptionsFactory,
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

async function hostSecret(prefix: string) {
  const name = uniqueName(prefix);
  await createSecret(motoClient(moto.endpoint), name, {
    host: `${prefix}-host`,
  });
  @Secret(name)
  class HostSecret {
    @IsString() host!: string;
  }
  return HostSecret;
}

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

describe('registering the module', () => {
  it('forRootAsync builds options from ConfigService', async () => {
    const Db = await hostSecret('async/factory');
    const module = await compile({
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          load: [() => ({ SECRETS_ENDPOINT: moto.endpoint })],
        }),
        SecretsModule.forRootAsync({
          imports: [ConfigModule],
          inject: [ConfigService],
          useFactory: (config: ConfigService): SecretsModuleOptions => ({
            clientConfig: {
              endpoint: config.getOrThrow<string>('SECRETS_ENDPOINT'),
              region: 'us-east-1',
              credentials,
            },
            timeoutMs: 2000,
          }),
          secrets: [Db],
        }),
      ],
    });
    expect(module.get(Db).host).toBe('async/factory-host');
    await module.close();
  });

  it('forRootAsync accepts an options class', async () => {
    const Db = await hostSecret('async/class');
    @Injectable()
    class SecretsConfig implements SecretsOptionsFactory {
      createSecretsOptions(): SecretsModuleOptions {
        return { client: motoClient(moto.endpoint) };
      }
    }
    const module = await compile({
      imports: [
        SecretsModule.forRootAsync({ useClass: SecretsConfig, secrets: [Db] }),
      ],
    });
    expect(module.get(Db).host).toBe('async/class-host');
    await module.close();
  });

  it('forFeature secrets load in the same boot as the root ones', async () => {
    const Root = await hostSecret('feature/root');
    const Feature = await hostSecret('feature/own');
    @Injectable()
    class FeatureService {
      // The class comes from a helper, so its type does not emit metadata.
      constructor(
        @Inject(Feature) readonly secret: InstanceType<typeof Feature>,
      ) {}
    }
    @Module({
      imports: [SecretsModule.forFeature([Feature])],
      providers: [FeatureService],
      exports: [FeatureService],
    })
    class FeatureModule {}

    const module = await compile({
      imports: [
        SecretsModule.forRoot({
          client: motoClient(moto.endpoint),
          secrets: [Root],
        }),
        FeatureModule,
      ],
    });
    expect(module.get(FeatureService).secret.host).toBe('feature/own-host');
    expect(module.get(SecretsService).stats().apiCalls).toEqual({
      BatchGetSecretValue: 1,
    });
    await module.close();
  });

  it('forFeature failures land in the one boot error', async () => {
    const missing = uniqueName('feature/missing');
    @Secret(missing)
    class Missing {
      @IsString() host!: string;
    }
    @Module({ imports: [SecretsModule.forFeature([Missing])] })
    class FeatureModule {}
    const error = await compileFailure({
      imports: [
        SecretsModule.forRoot({ client: motoClient(moto.endpoint) }),
        FeatureModule,
      ],
    });
    expect(error.issues.map((i) => i.secretId)).toEqual([missing]);
  });

  it('isGlobal makes root secrets injectable in every module', async () => {
    const Db = await hostSecret('global/db');
    @Injectable()
    class Consumer {
      constructor(@Inject(Db) readonly db: InstanceType<typeof Db>) {}
    }
    @Module({ providers: [Consumer], exports: [Consumer] })
    class ConsumerModule {}

    const module = await compile({
      imports: [
        SecretsModule.forRoot({
          client: motoClient(moto.endpoint),
          secrets: [Db],
          isGlobal: true,
        }),
        ConsumerModule,
      ],
    });
    expect(module.get(Consumer).db.host).toBe('global/db-host');
    await module.close();
  });

  it('without isGlobal, root secrets stay out of other modules', async () => {
    const Db = await hostSecret('local/db');
    @Injectable()
    class Consumer {
      constructor(@Inject(Db) readonly db: InstanceType<typeof Db>) {}
    }
    @Module({ providers: [Consumer] })
    class ConsumerModule {}

    const error = await compile({
      imports: [
        SecretsModule.forRoot({
          client: motoClient(moto.endpoint),
          secrets: [Db],
        }),
        ConsumerModule,
      ],
    }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/can't resolve dependencies/i);
  });
});
