import 'reflect-metadata';
import { Injectable, Module } from '@nestjs/common';
import { LazyModuleLoader } from '@nestjs/core';
import { IsString } from 'class-validator';
import {
  Secret,
  SecretsBootError,
  SecretsModule,
  SecretsService,
} from 'nest-aws-secrets';
import { filter, firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { SecretsRefresher } from '../../../lib/refresh/secrets-refresher.js';
import { putValue } from '../../support/aws.js';
import { useMotoServer } from '../../support/moto-fixture.js';
import { compile } from './support/boot-app.js';
import {
  createSecret,
  motoClient,
  uniqueName,
} from './support/moto-secrets.js';

const moto = useMotoServer();

function hostClass(id: string) {
  @Secret(id)
  class HostSecret {
    @IsString() host!: string;
  }
  return HostSecret;
}

type HostSecret = InstanceType<ReturnType<typeof hostClass>>;

function lazyModule(secret: ReturnType<typeof hostClass>) {
  @Injectable()
  class UsesSecret {
    constructor(readonly secret: HostSecret) {}
  }
  Reflect.defineMetadata('design:paramtypes', [secret], UsesSecret);
  @Module({
    imports: [SecretsModule.forFeature([secret])],
    providers: [UsesSecret],
    exports: [UsesSecret],
  })
  class LazyModule {}
  return { LazyModule, UsesSecret };
}

describe('secrets of a lazily loaded module', () => {
  it('loads them when the module loads, injects them, and refreshes them', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/lazy');
    await createSecret(client, name, { host: 'lazy-v1' });
    const Lazy = hostClass(name);
    const { LazyModule, UsesSecret } = lazyModule(Lazy);
    const module = await compile({
      imports: [
        SecretsModule.forRoot({
          client,
          secrets: [],
          refreshMode: 'describe',
          refreshIntervalMs: 50,
          refreshJitterRatio: 0,
        }),
      ],
    });
    await module.init();

    const ref = await module.get(LazyModuleLoader).load(() => LazyModule);
    const { secret } = ref.get(UsesSecret);

    expect(secret).toBeInstanceOf(Lazy);
    expect(secret.host).toBe('lazy-v1');
    const secrets = module.get(SecretsService);
    expect(secrets.get(Lazy)).toBe(secret);
    expect(secrets.status().map((s) => [s.secretId, s.state])).toEqual([
      [name, 'fresh'],
    ]);

    // The background refresh checks it on its own timer.
    const key = secrets.status()[0].key;
    await putValue(client, name, { host: 'lazy-v2' });
    // A check may run before the put: wait for the one that swaps it in.
    const swapped = module
      .get(SecretsRefresher)
      .settled$.pipe(filter((s) => s.key === key && secret.host === 'lazy-v2'));
    await expect(firstValueFrom(swapped)).resolves.toMatchObject({
      outcome: 'ok',
      scheduled: true,
    });
    await module.close();
  });

  it('rejects the module load with a SecretsBootError and injects nothing', async () => {
    const client = motoClient(moto.endpoint);
    const missing = uniqueName('prod/lazy-missing');
    const Lazy = hostClass(missing);
    const { LazyModule } = lazyModule(Lazy);
    const module = await compile({
      imports: [
        SecretsModule.forRoot({ client, secrets: [], refreshMode: 'off' }),
      ],
    });
    await module.init();
    const loader = module.get(LazyModuleLoader);

    const error = await loader.load(() => LazyModule).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SecretsBootError);
    expect((error as SecretsBootError).issues).toMatchObject([
      { secretId: missing, kind: 'not-found' },
    ]);
    expect((error as Error).message).toMatch(
      /^Secrets of a lazily loaded module could not be loaded/,
    );
    const secrets = module.get(SecretsService);
    expect(secrets.status()).toEqual([]);
    expect(() => secrets.get(Lazy)).toThrow(/not declared/);
    await module.close();
  });

  it('serves a lazily declared reader of a record in service at its version', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/lazy-shared');
    await createSecret(client, name, { host: 'v1' });
    const Root = hostClass(name);
    const module = await compile({
      imports: [
        SecretsModule.forRoot({ client, secrets: [Root], refreshMode: 'off' }),
      ],
    });
    await module.init();
    const secrets = module.get(SecretsService);
    const inService = secrets.metadata(Root).versionId;
    await putValue(client, name, { host: 'v2' });
    const Lazy = hostClass(name);
    const { LazyModule, UsesSecret } = lazyModule(Lazy);

    const ref = await module.get(LazyModuleLoader).load(() => LazyModule);

    // Both readers see one version: the one in service, not a newer one.
    expect(ref.get(UsesSecret).secret.host).toBe('v1');
    expect(module.get(Root).host).toBe('v1');
    expect(secrets.metadata(Lazy).versionId).toBe(inService);
    await module.close();
  });
});
