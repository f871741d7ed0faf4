import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  SecretsBootError,
  SecretsModule,
  type SecretClass,
  type SecretsModuleOptions,
} from 'nest-aws-secrets';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSecret, uniqueSecretName } from '../support/aws.js';
import { bootFailure } from './support/boot.js';
import { dbSecretClass, dbValue } from '../support/db-secret.js';
import { useScenarioEnv } from './support/scenario-env.js';

const env = useScenarioEnv();

// 24 valid secrets, shared by every case: a 25th is missing.
const goodNames: string[] = [];
beforeAll(async () => {
  const prefix = uniqueSecretName('s26/good');
  for (let i = 0; i < 24; i++) goodNames.push(`${prefix}/${i}`);
  await Promise.all(
    goodNames.map((n) => createSecret(env.admin, n, dbValue('pw'))),
  );
});

type Registration = 'forRoot' | 'forRootAsync' | 'forFeature';

function imports(
  registration: Registration,
  options: SecretsModuleOptions,
  secrets: SecretClass[],
) {
  if (registration === 'forRootAsync') {
    return [SecretsModule.forRootAsync({ useFactory: () => options, secrets })];
  }
  if (registration === 'forRoot') {
    return [SecretsModule.forRoot({ ...options, secrets })];
  }
  @Module({ imports: [SecretsModule.forFeature(secrets.slice(1))] })
  class FeatureModule {}
  return [
    SecretsModule.forRoot({ ...options, secrets: secrets.slice(0, 1) }),
    FeatureModule,
  ];
}

const cases = [1, 3, 25].flatMap((count) =>
  [true, false].flatMap((batch) =>
    (['forRoot', 'forRootAsync', 'forFeature'] as const)
      .filter((r) => r !== 'forFeature' || count > 1)
      .map((registration) => ({ count, batch, registration })),
  ),
);

describe('scenario 26: the same fail-fast boot whatever the setup', () => {
  it.each(cases)(
    '$count secret(s), batch $batch, $registration: one SecretsBootError naming the missing one',
    async ({ count, batch, registration }) => {
      const missing = uniqueSecretName('s26/missing');
      const names = [...goodNames.slice(0, count - 1), missing];

      const error = await bootFailure({
        imports: imports(
          registration,
          { client: env.client, batch, logger: false },
          names.map(dbSecretClass),
        ),
      });

      expect(error.issues).toEqual([
        expect.objectContaining({ secretId: missing, kind: 'not-found' }),
      ]);
    },
  );

  it('the local file source and NestFactory.create fail the same way', async () => {
    const missing = uniqueSecretName('s26/local-missing');
    const dir = mkdtempSync(join(tmpdir(), 's26-'));
    const file = join(dir, 'secrets.json');
    writeFileSync(file, JSON.stringify({ [goodNames[0]]: dbValue('pw') }));
    @Module({
      imports: [
        SecretsModule.forRoot({
          localFile: file,
          secrets: [dbSecretClass(goodNames[0]), dbSecretClass(missing)],
          logger: false,
        }),
      ],
    })
    class AppModule {}

    const error = await NestFactory.create(AppModule, {
      abortOnError: false,
      logger: false,
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SecretsBootError);
    expect((error as SecretsBootError).issues).toEqual([
      expect.objectContaining({ secretId: missing, kind: 'not-found' }),
    ]);
  });
});
