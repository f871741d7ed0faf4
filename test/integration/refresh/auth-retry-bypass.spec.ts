import 'reflect-metadata';
import { IsString } from 'class-validator';
import {
  Secret,
  SecretsModule,
  SecretsService,
  withSecretRetry,
} from 'nest-aws-secrets';
import { describe, expect, it } from 'vitest';
import { putValue } from '../../support/aws.js';
import { useMotoServer } from '../../support/moto-fixture.js';
import { compile } from '../boot/support/boot-app.js';
import {
  createSecret,
  motoClient,
  uniqueName,
} from '../boot/support/moto-secrets.js';

const moto = useMotoServer();

class AuthError extends Error {
  readonly code = '28P01';
}

async function bootDb(name: string) {
  @Secret(name)
  class Db {
    @IsString() password!: string;
  }
  const module = await compile({
    imports: [
      SecretsModule.forRoot({
        client: motoClient(moto.endpoint),
        refreshMode: 'off',
        // Long, so that no call in this test leaves the window by chance.
        minRefreshIntervalMs: 600_000,
        secrets: [Db],
      }),
    ],
  });
  const secrets = module.get(SecretsService);
  const reads = () => secrets.stats().apiCalls.GetSecretValue ?? 0;
  return { module, secrets, Db, reads };
}

describe('withSecretRetry right after another refresh', () => {
  it('reads AWS again after an auth failure and picks up a fresh rotation', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/retry-fresh');
    await createSecret(client, name, { password: 'old' });
    const { module, secrets, Db } = await bootDb(name);

    // A refresh that finds nothing new: its outcome is shared for 10 min.
    await expect(secrets.refresh(Db)).resolves.toEqual({
      versionChanged: false,
    });
    await putValue(client, name, { password: 'new' });

    const result = await withSecretRetry(secrets, Db, (db) => {
      if (db.password !== 'new') throw new AuthError('rejected');
      return `connected with ${db.password}`;
    });

    expect(result).toBe('connected with new');
    await module.close();
  });

  it('keeps a loop of failing calls on a wrong password to two reads', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/retry-loop');
    await createSecret(client, name, { password: 'wrong' });
    const { module, secrets, Db, reads } = await bootDb(name);
    const before = reads();

    for (let i = 0; i < 100; i++) {
      await expect(
        withSecretRetry(secrets, Db, () => {
          throw new AuthError('rejected');
        }),
      ).rejects.toBeInstanceOf(AuthError);
    }

    // One read shared by the loop, plus one forced read.
    expect(reads() - before).toBeLessThanOrEqual(2);
    await module.close();
  });
});
