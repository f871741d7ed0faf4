import {
  GetSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { Module } from '@nestjs/common';
import {
  SecretsModule,
  type RawSecret,
  type SecretFetchResult,
  type SecretRequest,
  type SecretSource,
} from 'nest-aws-secrets';
import { describe, expect, it } from 'vitest';
import { createSecret, uniqueSecretName } from '../support/aws.js';
import { makeCanary } from '../support/canary.js';
import { bootFailure, bootModule } from './support/boot.js';
import { dbSecretClass, dbValue } from '../support/db-secret.js';
import { useScenarioEnv } from './support/scenario-env.js';

const env = useScenarioEnv();

/** A user's own loader: reads each secret with its own SDK calls. */
class OwnLoader implements SecretSource {
  readonly name = 'own-loader';
  constructor(private readonly client: SecretsManagerClient) {}

  async fetchOne(request: SecretRequest): Promise<RawSecret> {
    const out = await this.client.send(
      new GetSecretValueCommand({ SecretId: request.secretId }),
    );
    return {
      name: out.Name!,
      arn: out.ARN!,
      versionId: out.VersionId!,
      versionStages: out.VersionStages ?? [],
      secretString: out.SecretString,
    };
  }

  async fetchMany(requests: readonly SecretRequest[]) {
    const results = new Map<string, SecretFetchResult>();
    for (const request of requests) {
      const raw = await this.fetchOne(request);
      results.set(request.key, { ok: true, raw });
    }
    return results;
  }
}

describe('scenario 14: secrets from a custom loader are validated at boot', () => {
  it('converts and validates what a custom source returns', async () => {
    const name = uniqueSecretName('s14/valid');
    await createSecret(env.admin, name, {
      ...dbValue(makeCanary()),
      port: '6432',
    });
    const Db = dbSecretClass(name);
    const { app } = await bootModule({
      imports: [
        SecretsModule.forRoot({
          source: new OwnLoader(env.client),
          secrets: [Db],
          logger: false,
        }),
      ],
    });
    env.track(() => app.close());

    expect(app.get(Db).port).toBe(6432);
    expect(env.proxy.counts()).toEqual({ GetSecretValue: 1 });
  });

  it.each(['forRoot', 'forRootAsync', 'forFeature'] as const)(
    'fails the boot on an invalid value from a custom source (%s)',
    async (registration) => {
      const name = uniqueSecretName('s14/invalid');
      await createSecret(env.admin, name, { username: 'app', port: 'x' });
      const Db = dbSecretClass(name);
      const source = new OwnLoader(env.client);
      const root =
        registration === 'forRootAsync'
          ? SecretsModule.forRootAsync({
              useFactory: () => ({ source, logger: false as const }),
              secrets: [Db],
            })
          : SecretsModule.forRoot({
              source,
              logger: false,
              secrets: registration === 'forRoot' ? [Db] : [],
            });
      @Module({ imports: [SecretsModule.forFeature([Db])] })
      class FeatureModule {}

      const error = await bootFailure({
        imports: registration === 'forFeature' ? [root, FeatureModule] : [root],
      });

      expect(
        error.issues.map((i) => [i.secretId, i.kind, i.path, i.rules]),
      ).toEqual([
        [name, 'invalid', 'password', ['isNotEmpty', 'isString']],
        [name, 'invalid', 'port', ['isInt']],
      ]);
    },
  );

  it('names the secret when a custom source throws a foreign error', async () => {
    const leaked = makeCanary();
    const name = uniqueSecretName('s14/throws');
    const source: SecretSource = {
      name: 'broken-loader',
      fetchOne: () => Promise.reject(new Error(`bad ${leaked}`)),
      fetchMany: () => Promise.reject(new Error(`bad ${leaked}`)),
    };

    const error = await bootFailure({
      imports: [
        SecretsModule.forRoot({
          source,
          secrets: [dbSecretClass(name)],
          logger: false,
        }),
      ],
    });

    expect(error.issues).toEqual([
      expect.objectContaining({ secretId: name, kind: 'unknown' }),
    ]);
    expect(error.message).toContain(`"${name}"`);
    expect(error.message).not.toContain(leaked);
  });
});
