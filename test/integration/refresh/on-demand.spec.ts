import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { IsString } from 'class-validator';
import {
  SecretValidationError,
  withSecretRetry,
  type SecretClass,
} from 'nest-aws-secrets';
import { describe, expect, it, vi } from 'vitest';
import { createSecret, putValue, uniqueSecretName } from '../../support/aws.js';
import {
  assertNoCanary,
  errorHaystack,
  makeCanary,
} from '../../support/canary.js';
import type { FaultProxy } from '../../support/fault-proxy.js';
import type { RefreshAppOptions } from './support/refresh-app.js';
import { bootDbApp, useRefreshFixture } from './support/refresh-fixture.js';
import { dbValue, type DbFields } from '../../support/db-secret.js';

let proxy: FaultProxy;
let admin: SecretsManagerClient;
let client: SecretsManagerClient;

useRefreshFixture((aws) => ({ proxy, admin, client } = aws));

const bootWith = (name: string, options: Partial<RefreshAppOptions> = {}) =>
  bootDbApp({ client, proxy }, name, options);

/** A database that accepts one user and password, as a pg server would. */
class FakeDatabase {
  constructor(private accepted: { user: string; password: string }) {}
  rotate(user: string, password: string) {
    this.accepted = { user, password };
  }
  connect(user: string, password: string, code = '28P01'): string {
    if (user !== this.accepted.user || password !== this.accepted.password) {
      throw Object.assign(new Error('password authentication failed'), {
        code,
      });
    }
    return `connected as ${user}`;
  }
}

/** A pool shaped like pg's: `password` may be a function, read per connect. */
class FakePool {
  constructor(
    private readonly db: FakeDatabase,
    private readonly config: { user: () => string; password: () => string },
  ) {}
  connect(): string {
    return this.db.connect(this.config.user(), this.config.password());
  }
}

describe('SecretsService.refresh()', () => {
  it('is rate-limited: 100 calls in a loop make one GetSecretValue per window', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const name = uniqueSecretName('demand/loop');
    await createSecret(admin, name, dbValue(makeCanary()));
    const { app, Db } = await bootWith(name);
    await putValue(admin, name, dbValue(makeCanary()));

    const outcomes = [];
    for (let i = 0; i < 100; i++) outcomes.push(await app.secrets.refresh(Db));
    const concurrent = await Promise.all(
      Array.from({ length: 100 }, () => app.secrets.refresh(Db)),
    );

    expect(proxy.counts()).toEqual({ GetSecretValue: 1 });
    expect(outcomes[0]).toEqual({ versionChanged: true });
    expect(concurrent.every((o) => o.versionChanged)).toBe(true);

    vi.setSystemTime(Date.now() + 1_000);
    await expect(app.secrets.refresh(Db)).resolves.toEqual({
      versionChanged: false,
    });
    expect(proxy.counts()).toEqual({ GetSecretValue: 2 });
  });

  it('rejects with the kind when the read fails, and keeps the value', async () => {
    const password = makeCanary();
    const name = uniqueSecretName('demand/fail');
    await createSecret(admin, name, dbValue(password));
    const { app, Db } = await bootWith(name);
    proxy.inject('GetSecretValue', { kind: 'throttle' });

    await expect(app.secrets.refresh(Db)).rejects.toMatchObject({
      kind: 'throttled',
      code: 'ThrottlingException',
    });
    expect(app.app.get(Db).password).toBe(password);
    expect(app.secrets.status()[0].state).toBe('stale');
  });
});

describe('withSecretRetry (scenarios 7 and 22)', () => {
  it('refreshes once and retries when the database rejects the old password (28P01)', async () => {
    const [oldPass, newPass] = [makeCanary(), makeCanary()];
    const name = uniqueSecretName('demand/retry');
    await createSecret(admin, name, dbValue(oldPass));
    const { app, Db } = await bootWith(name);
    const database = new FakeDatabase({ user: 'app_user', password: oldPass });

    // The rotation function changes the database and the secret.
    database.rotate('app_user', newPass);
    await putValue(admin, name, dbValue(newPass));
    const connect = vi.fn((db: DbFields) =>
      database.connect(db.username, db.password),
    );

    await expect(withSecretRetry(app.secrets, Db, connect)).resolves.toBe(
      'connected as app_user',
    );
    expect(connect).toHaveBeenCalledTimes(2);
    expect(proxy.counts()).toEqual({ GetSecretValue: 1 });
  });

  it('covers 28000 from a proxy and a username change (alternating users)', async () => {
    const name = uniqueSecretName('demand/alt');
    await createSecret(admin, name, dbValue(makeCanary(), 'app_user'));
    const { app, Db } = await bootWith(name);
    const next = makeCanary();
    const database = new FakeDatabase({
      user: 'app_user_clone',
      password: next,
    });
    await putValue(admin, name, dbValue(next, 'app_user_clone'));

    const result = await withSecretRetry(app.secrets, Db, (db) =>
      database.connect(db.username, db.password, '28000'),
    );

    expect(result).toBe('connected as app_user_clone');
  });

  it('rethrows the original error when the version did not change', async () => {
    const name = uniqueSecretName('demand/same');
    await createSecret(admin, name, dbValue(makeCanary()));
    const { app, Db } = await bootWith(name);
    const database = new FakeDatabase({ user: 'x', password: 'y' });
    const connect = vi.fn((db: DbFields) =>
      database.connect(db.username, db.password),
    );

    await expect(
      withSecretRetry(app.secrets, Db, connect),
    ).rejects.toMatchObject({
      code: '28P01',
    });
    expect(connect).toHaveBeenCalledTimes(1);
    expect(proxy.counts()).toEqual({ GetSecretValue: 1 });
  });

  it('a pool with a password callback connects with the rotated value (scenario 1)', async () => {
    const [oldPass, newPass] = [makeCanary(), makeCanary()];
    const name = uniqueSecretName('demand/pool');
    await createSecret(admin, name, dbValue(oldPass));
    const { app, Db } = await bootWith(name);
    const db = app.app.get(Db);
    const database = new FakeDatabase({ user: 'app_user', password: oldPass });
    const pool = new FakePool(database, {
      user: () => db.username,
      password: () => db.password,
    });
    expect(pool.connect()).toBe('connected as app_user');

    database.rotate('app_user', newPass);
    await putValue(admin, name, dbValue(newPass));
    expect(() => pool.connect()).toThrow('password authentication failed');
    await app.refresher.checkNow();

    expect(pool.connect()).toBe('connected as app_user');
  });
});

describe('SecretsService.fetch() for undeclared secrets (scenario 3)', () => {
  it('caches within refreshIntervalMs, keyed by stage, and refetches after', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const declared = uniqueSecretName('dyn/declared');
    const dynamic = uniqueSecretName('dyn/lookup');
    await createSecret(admin, declared, dbValue(makeCanary()));
    await createSecret(admin, dynamic, { token: 'first' });
    const { app } = await bootWith(declared, { refreshIntervalMs: 60_000 });
    const before = app.secrets.stats();

    const a = await app.secrets.fetch<{ token: string }>(dynamic);
    const b = await app.secrets.fetch<{ token: string }>(dynamic);
    await putValue(admin, dynamic, { token: 'second' });
    const previous = await app.secrets.fetch<{ token: string }>(dynamic, {
      versionStage: 'AWSPREVIOUS',
    });
    const stillCached = await app.secrets.fetch<{ token: string }>(dynamic);
    vi.setSystemTime(Date.now() + 60_000);
    const refetched = await app.secrets.fetch<{ token: string }>(dynamic);

    expect([a.token, b.token, stillCached.token]).toEqual([
      'first',
      'first',
      'first',
    ]);
    expect(previous.token).toBe('first');
    expect(refetched.token).toBe('second');
    expect(proxy.counts()).toEqual({ GetSecretValue: 3 });
    const after = app.secrets.stats();
    expect(after.cacheHits - before.cacheHits).toBe(2);
    expect(after.cacheMisses - before.cacheMisses).toBe(3);
  });

  it('serves a stale entry on a transient failure, never caches a failure', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const declared = uniqueSecretName('dyn/d2');
    const dynamic = uniqueSecretName('dyn/stale');
    await createSecret(admin, declared, dbValue(makeCanary()));
    await createSecret(admin, dynamic, 'plain-text');
    const { app } = await bootWith(declared, { refreshIntervalMs: 60_000 });
    await app.secrets.fetch(dynamic, { shape: 'string' });

    vi.setSystemTime(Date.now() + 61_000);
    proxy.inject('GetSecretValue', { kind: 'internal-error' });
    await expect(app.secrets.fetch(dynamic, { shape: 'string' })).resolves.toBe(
      'plain-text',
    );
    const missing = uniqueSecretName('dyn/missing');
    proxy.clearFaults();
    await expect(app.secrets.fetch(missing)).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(app.secrets.fetch(missing)).rejects.toMatchObject({
      kind: 'not-found',
    });
    expect(proxy.count('GetSecretValue')).toBe(4);
  });

  it('validates into a class, bounded by cacheMaxEntries', async () => {
    const leaked = makeCanary();
    const declared = uniqueSecretName('dyn/d3');
    const names = [1, 2, 3].map(() => uniqueSecretName('dyn/lru'));
    await createSecret(admin, declared, dbValue(makeCanary()));
    for (const n of names)
      await createSecret(admin, n, { apiKey: makeCanary() });
    const bad = uniqueSecretName('dyn/bad');
    await createSecret(admin, bad, { other: leaked });
    const { app } = await bootWith(declared, { cacheMaxEntries: 2 });

    class ApiKey {
      @IsString()
      apiKey!: string;
    }
    const cls = ApiKey as SecretClass<ApiKey>;
    for (const n of names) await app.secrets.fetch(n, { cls });
    const first = await app.secrets.fetch(names[0], { cls });
    const error = await app.secrets.fetch(bad, { cls }).catch((e) => e);

    expect(first).toBeInstanceOf(ApiKey);
    expect(String(first)).not.toContain(first.apiKey);
    // names[0] was evicted by names[2] and read again.
    expect(proxy.count('GetSecretValue')).toBe(5);
    expect(error).toBeInstanceOf(SecretValidationError);
    expect(error.message).toContain(`failed validation at "apiKey": isString`);
    assertNoCanary([leaked], errorHaystack(error));
  });
});
