import {
  GetSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { Inject, Injectable, Module } from '@nestjs/common';
import {
  SECRETS_MANAGER_CLIENT,
  SecretsModule,
  SecretsService,
} from 'nest-aws-secrets';
import { describe, expect, it } from 'vitest';
import {
  createSecret,
  secretsClient,
  uniqueSecretName,
} from '../support/aws.js';
import { makeCanary } from '../support/canary.js';
import { bootModule } from './support/boot.js';
import { dbSecretClass, dbValue } from '../support/db-secret.js';
import { useScenarioEnv } from './support/scenario-env.js';

const env = useScenarioEnv();

const AWS_CLIENT = 'scenario17:aws-client';
const ENDPOINT = 'scenario17:endpoint';

describe('scenario 17: options and client built through DI', () => {
  it('forRootAsync injects a client from another module, and the client is injectable', async () => {
    const name = uniqueSecretName('s17/db');
    await createSecret(env.admin, name, dbValue(makeCanary()));
    const Db = dbSecretClass(name);

    @Module({
      providers: [
        { provide: ENDPOINT, useFactory: () => env.proxy.endpoint },
        {
          provide: AWS_CLIENT,
          inject: [ENDPOINT],
          useFactory: (endpoint: string) =>
            secretsClient(endpoint, { maxAttempts: 1 }),
        },
      ],
      exports: [AWS_CLIENT],
    })
    class AwsModule {}

    @Injectable()
    class Consumer {
      constructor(
        @Inject(SECRETS_MANAGER_CLIENT) readonly client: SecretsManagerClient,
      ) {}
    }

    const { app } = await bootModule({
      imports: [
        SecretsModule.forRootAsync({
          imports: [AwsModule],
          inject: [AWS_CLIENT],
          useFactory: (client: SecretsManagerClient) => ({
            client,
            logger: false,
          }),
          secrets: [Db],
        }),
      ],
      providers: [Consumer],
    });
    let closed = false;
    env.track(async () => closed || app.close());
    const given = app.get<SecretsManagerClient>(AWS_CLIENT, { strict: false });

    expect(app.get(Consumer).client).toBe(given);
    expect(app.get(Db).username).toBe('app_user');
    expect(app.get(SecretsService).status()[0].state).toBe('fresh');
    expect(env.proxy.count('*')).toBe(1);

    // A client passed in belongs to its owner: shutdown leaves it usable.
    await app.close();
    closed = true;
    const out = await given.send(new GetSecretValueCommand({ SecretId: name }));
    expect(out.Name).toBe(name);
    given.destroy();
  });
});
