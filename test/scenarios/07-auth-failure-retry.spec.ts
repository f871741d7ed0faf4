import {
  SecretsModule,
  SecretsService,
  withSecretRetry,
  type AuthFailureClassifier,
} from 'nest-aws-secrets';
import { describe, expect, it, vi } from 'vitest';
import { createSecret, putValue, uniqueSecretName } from '../support/aws.js';
import { makeCanary } from '../support/canary.js';
import { bootModule } from './support/boot.js';
import { dbSecretClass, dbValue, type DbFields } from '../support/db-secret.js';
import { useScenarioEnv } from './support/scenario-env.js';

const env = useScenarioEnv();

/** A database that accepts one user and password and fails like a driver. */
class FakeDatabase {
  constructor(
    private accepted: DbFields,
    private readonly failure: () => Error,
  ) {}
  rotate(next: DbFields) {
    this.accepted = next;
  }
  connect(db: DbFields): string {
    if (
      db.username !== this.accepted.username ||
      db.password !== this.accepted.password
    ) {
      throw this.failure();
    }
    return `connected as ${db.username}`;
  }
}

async function boot(name: string, isAuthFailure?: AuthFailureClassifier) {
  const Db = dbSecretClass(name);
  const { app } = await bootModule({
    imports: [
      SecretsModule.forRoot({
        client: env.client,
        secrets: [Db],
        isAuthFailure,
        logger: false,
      }),
    ],
  });
  env.track(() => app.close());
  env.proxy.reset();
  return { secrets: app.get(SecretsService), Db };
}

describe('scenario 7: auth failures force one refresh and a retry', () => {
  it('uses the isAuthFailure module option for a proxy that answers a generic error', async () => {
    const before = dbValue(makeCanary(), 'app_user');
    const after = dbValue(makeCanary(), 'app_user_clone');
    const name = uniqueSecretName('s07/custom');
    await createSecret(env.admin, name, before);
    // A proxy whose error no default rule knows.
    const proxyError = () =>
      Object.assign(new Error('upstream login rejected'), {
        code: 'PROXY_AUTH',
      });
    const { secrets, Db } = await boot(
      name,
      (error) => (error as { code?: string }).code === 'PROXY_AUTH',
    );
    const database = new FakeDatabase(before, proxyError);

    // Alternating users: the rotation changes the username too.
    database.rotate(after);
    await putValue(env.admin, name, after);
    const connect = vi.fn((db: DbFields) => database.connect(db));

    await expect(withSecretRetry(secrets, Db, connect)).resolves.toBe(
      'connected as app_user_clone',
    );
    expect(connect).toHaveBeenCalledTimes(2);
    expect(env.proxy.counts()).toEqual({ GetSecretValue: 1 });
  });

  it('the default classifier knows PostgreSQL 28000 from a proxy and Oracle 1017', async () => {
    for (const failure of [
      () => Object.assign(new Error('auth'), { code: '28000' }),
      () => Object.assign(new Error('ORA-01017'), { errorNum: 1017 }),
    ]) {
      const before = dbValue(makeCanary());
      const after = dbValue(makeCanary());
      const name = uniqueSecretName('s07/default');
      await createSecret(env.admin, name, before);
      const { secrets, Db } = await boot(name);
      const database = new FakeDatabase(before, failure);
      database.rotate(after);
      await putValue(env.admin, name, after);

      await expect(
        withSecretRetry(secrets, Db, (db) => database.connect(db)),
      ).resolves.toBe('connected as app_user');
    }
  });

  it('does not refresh for errors the classifier rejects', async () => {
    const name = uniqueSecretName('s07/other');
    await createSecret(env.admin, name, dbValue(makeCanary()));
    const { secrets, Db } = await boot(name, () => false);
    const refused = Object.assign(new Error('auth'), { code: '28P01' });

    await expect(
      withSecretRetry(secrets, Db, () => {
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(env.proxy.count('*')).toBe(0);
  });
});
