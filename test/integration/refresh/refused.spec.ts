import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { createSecret, putValue, uniqueSecretName } from '../../support/aws.js';
import { assertNoCanary, makeCanary } from '../../support/canary.js';
import type { FaultProxy } from '../../support/fault-proxy.js';
import { bootRefreshApp, type RefreshApp } from './support/refresh-app.js';
import { useRefreshFixture } from './support/refresh-fixture.js';
import { dbSecretClass, dbValue } from '../../support/db-secret.js';

let proxy: FaultProxy;
let admin: SecretsManagerClient;
let client: SecretsManagerClient;
let running: RefreshApp | undefined;

useRefreshFixture((aws) => ({ proxy, admin, client } = aws));

describe('a rotation to an invalid value (scenarios 6 and 11)', () => {
  it('keeps the last valid value, reports it, and picks up a later valid version', async () => {
    const [good, leaked, later] = [makeCanary(), makeCanary(), makeCanary()];
    const name = uniqueSecretName('refused/rules');
    const created = await createSecret(admin, name, dbValue(good));
    const Db = dbSecretClass(name);
    running = await bootRefreshApp({ client, secrets: [Db] });
    const app = running;
    const db = app.app.get(Db);

    // A broken rotation: port is not a number, password is null.
    const bad = await putValue(admin, name, {
      username: leaked,
      password: null,
      port: `not-a-number ${leaked}`,
    });
    const refused = app.next('refused', name);
    await app.refresher.checkNow();

    expect(await refused).toEqual({
      type: 'refused',
      secretId: name,
      key: `${name}|stage:AWSCURRENT`,
      versionStage: 'AWSCURRENT',
      versionId: bad,
      kind: 'invalid',
      at: expect.any(Date),
    });
    expect(db.password).toBe(good);
    expect(db.username).toBe('app_user');
    expect(app.secrets.metadata(Db).versionId).toBe(created.versionId);
    expect(app.secrets.status()[0]).toMatchObject({
      state: 'refused',
      versionId: created.versionId,
      refusedVersionId: bad,
    });
    const line = app.logs
      .ofLevel('error')
      .map((e) => e.message)
      .join('\n');
    expect(line).toContain(`Secret "${name}" version ${bad} was refused`);
    expect(line).toContain(`version ${created.versionId} stays in service`);
    expect(line).toMatch(/at "password": isNotEmpty, isString/);
    expect(line).toMatch(/at "port": isInt/);

    // The refused version is not read or reported again.
    proxy.reset();
    await app.refresher.checkNow();
    expect(proxy.counts()).toEqual({ ListSecrets: 1 });
    expect(app.seen.filter((e) => e.type === 'refused')).toHaveLength(1);

    const fixed = await putValue(admin, name, dbValue(later));
    const rotated = app.next('rotated', name);
    await app.refresher.checkNow();

    expect(await rotated).toMatchObject({
      previousVersionId: created.versionId,
      versionId: fixed,
    });
    expect(db.password).toBe(later);
    expect(app.secrets.status()[0]).toMatchObject({ state: 'fresh' });
    expect(app.secrets.status()[0].refusedVersionId).toBeUndefined();
    assertNoCanary(
      [good, leaked, later],
      { where: 'events', text: app.seen },
      app.logs.haystacks(),
    );
  });

  it('refuses a value that is not JSON, and refresh() rejects without the value', async () => {
    const leaked = makeCanary({ special: true });
    const name = uniqueSecretName('refused/json');
    await createSecret(admin, name, dbValue(makeCanary()));
    const Db = dbSecretClass(name);
    running = await bootRefreshApp({ client, secrets: [Db] });
    const app = running;

    const bad = await putValue(admin, name, `{"password": "${leaked}"`);
    const error = await app.secrets.refresh(Db).catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'not-json', secretId: name });
    expect(app.secrets.status()[0]).toMatchObject({
      state: 'refused',
      refusedVersionId: bad,
    });
    expect(app.seen).toMatchObject([{ type: 'refused', kind: 'not-json' }]);
    assertNoCanary(
      [leaked],
      { where: 'refresh error', text: error },
      { where: 'events', text: app.seen },
      app.logs.haystacks(),
    );
  });

  it('clears the refused state when AWSCURRENT moves back to the version in service', async () => {
    const good = makeCanary();
    const name = uniqueSecretName('refused/back');
    await createSecret(admin, name, dbValue(good));
    const Db = dbSecretClass(name);
    running = await bootRefreshApp({
      client,
      secrets: [Db],
      refreshMode: 'ttl',
    });
    const app = running;
    await putValue(admin, name, { port: 'x' });
    await app.refresher.checkNow();
    expect(app.secrets.status()[0].state).toBe('refused');

    const again = await putValue(admin, name, dbValue(good));
    await app.refresher.checkNow();

    expect(app.secrets.status()[0]).toMatchObject({
      state: 'fresh',
      versionId: again,
    });
  });
});
