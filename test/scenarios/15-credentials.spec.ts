import {
  SecretCredentialsError,
  SecretsModule,
  SecretsService,
} from 'nest-aws-secrets';
import { describe, expect, it, vi } from 'vitest';
import {
  awsEnv,
  createSecret,
  putValue,
  TEST_REGION,
  uniqueSecretName,
} from '../support/aws.js';
import { makeCanary } from '../support/canary.js';
import { bootFailure, bootModule } from './support/boot.js';
import { dbSecretClass, dbValue } from '../support/db-secret.js';
import { useScenarioEnv } from './support/scenario-env.js';

const env = useScenarioEnv();

const expiredToken = {
  kind: 'aws-error',
  status: 400,
  type: 'ExpiredTokenException',
  message: 'The security token included in the request is expired',
} as const;

describe('scenario 15: credentials that expire', () => {
  it('resolves credentials again through the SDK provider instead of a start-up snapshot', async () => {
    let issued = 0;
    // Short-lived credentials, as a role session hands out.
    const credentials = vi.fn(async () => ({
      accessKeyId: `ASIA${++issued}`,
      secretAccessKey: 'test',
      sessionToken: `session-${issued}`,
      expiration: new Date(Date.now() + 1_000),
    }));
    const name = uniqueSecretName('s15/provider');
    await createSecret(env.admin, name, dbValue(makeCanary()));
    const Db = dbSecretClass(name);
    const { app } = await bootModule({
      imports: [
        SecretsModule.forRoot({
          clientConfig: {
            endpoint: env.proxy.endpoint,
            region: TEST_REGION,
            credentials,
            maxAttempts: 1,
          },
          secrets: [Db],
          logger: false,
        }),
      ],
    });
    env.track(() => app.close());
    const atBoot = credentials.mock.calls.length;

    await putValue(env.admin, name, dbValue(makeCanary()));
    await app.get(SecretsService).refresh(Db);

    expect(atBoot).toBeGreaterThanOrEqual(1);
    expect(credentials.mock.calls.length).toBeGreaterThan(atBoot);
  });

  it('builds its client from the default chain and environment when given none', async () => {
    const name = uniqueSecretName('s15/env');
    await createSecret(env.admin, name, dbValue(makeCanary()));
    const vars = awsEnv(env.proxy.endpoint);
    const saved = Object.keys(vars).map((key) => [key, process.env[key]]);
    Object.assign(process.env, vars);
    try {
      const { app } = await bootModule({
        imports: [
          SecretsModule.forRoot({
            secrets: [dbSecretClass(name)],
            logger: false,
          }),
        ],
      });
      env.track(() => app.close());
      expect(app.get(SecretsService).status()[0].state).toBe('fresh');
      expect(env.proxy.count('*')).toBeGreaterThan(0);
    } finally {
      for (const [key, value] of saved) {
        if (value === undefined) delete process.env[key!];
        else process.env[key!] = value;
      }
    }
  });

  it('reports expired credentials as a credentials problem, at boot and at refresh', async () => {
    const bootName = uniqueSecretName('s15/boot');
    await createSecret(env.admin, bootName, dbValue(makeCanary()));
    env.proxy.inject('*', expiredToken);
    const bootError = await bootFailure({
      imports: [
        SecretsModule.forRoot({
          client: env.client,
          secrets: [dbSecretClass(bootName)],
          logger: false,
        }),
      ],
    });
    expect(bootError.issues).toEqual([
      expect.objectContaining({
        secretId: bootName,
        kind: 'credentials',
        code: 'ExpiredTokenException',
      }),
    ]);
    expect(bootError.message).toMatch(
      /credentials are missing, invalid or expired/,
    );
    expect(bootError.message).not.toMatch(/not found/);

    env.proxy.clearFaults();
    const name = uniqueSecretName('s15/refresh');
    await createSecret(env.admin, name, dbValue(makeCanary()));
    const Db = dbSecretClass(name);
    const { app } = await bootModule({
      imports: [
        SecretsModule.forRoot({
          client: env.client,
          secrets: [Db],
          logger: false,
        }),
      ],
    });
    env.track(() => app.close());
    env.proxy.inject('*', expiredToken);
    const error = await app
      .get(SecretsService)
      .refresh(Db)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SecretCredentialsError);
    expect(error).toMatchObject({ kind: 'credentials', secretId: name });
    expect(app.get(SecretsService).status()[0]).toMatchObject({
      state: 'stale',
      lastError: { kind: 'credentials', code: 'ExpiredTokenException' },
    });
  });
});
