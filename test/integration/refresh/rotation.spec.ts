import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { firstValueFrom } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import {
  createSecret,
  putPendingValue,
  putValue,
  promoteToCurrent,
  uniqueSecretName,
} from '../../support/aws.js';
import { assertNoCanary, makeCanary } from '../../support/canary.js';
import type { FaultProxy } from '../../support/fault-proxy.js';
import type { RefreshApp, RefreshAppOptions } from './support/refresh-app.js';
import {
  bootBehindProxy,
  useRefreshFixture,
} from './support/refresh-fixture.js';
import { dbSecretClass, dbValue } from '../../support/db-secret.js';

let proxy: FaultProxy;
let admin: SecretsManagerClient;
let client: SecretsManagerClient;

useRefreshFixture((aws) => ({ proxy, admin, client } = aws));

const boot = (options: RefreshAppOptions): Promise<RefreshApp> =>
  bootBehindProxy({ client, proxy }, options);

describe('rotation by PutSecretValue (list mode, the default)', () => {
  it('swaps the new version in with one ListSecrets and one GetSecretValue', async () => {
    const [first, second] = [makeCanary(), makeCanary()];
    const name = uniqueSecretName('rot/put');
    const created = await createSecret(admin, name, dbValue(first));
    const Db = dbSecretClass(name);
    const app = await boot({ secrets: [Db] });
    const db = app.app.get(Db);
    expect(db.password).toBe(first);

    const versionId = await putValue(admin, name, dbValue(second));
    const rotated = app.next('rotated', name);
    await app.refresher.checkNow();

    expect(await rotated).toEqual({
      type: 'rotated',
      secretId: name,
      key: `${name}|stage:AWSCURRENT`,
      versionStage: 'AWSCURRENT',
      previousVersionId: created.versionId,
      versionId,
      at: expect.any(Date),
    });
    expect(db.password).toBe(second);
    expect(app.secrets.metadata(Db).versionId).toBe(versionId);
    expect(proxy.counts()).toEqual({ ListSecrets: 1, GetSecretValue: 1 });
    expect(app.logs.text()).toContain(
      `Secret "${name}" refreshed: version ${created.versionId} -> ${versionId}`,
    );

    // Scenario 5: checks between rotations make no GetSecretValue.
    await app.refresher.checkNow();
    await app.refresher.checkNow();
    expect(proxy.counts()).toEqual({ ListSecrets: 3, GetSecretValue: 1 });
    expect(app.secrets.status()[0]).toMatchObject({ state: 'fresh' });
    assertNoCanary(
      [first, second],
      { where: 'events', text: app.seen },
      app.logs.haystacks(),
    );
  });

  it('is picked up by the background timer within one interval (fake clock)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const name = uniqueSecretName('rot/timer');
    await createSecret(admin, name, dbValue(makeCanary()));
    const Db = dbSecretClass(name);
    const app = await boot({
      secrets: [Db],
      refreshIntervalMs: 60_000,
      refreshJitterRatio: 0,
    });
    const next = makeCanary();
    const versionId = await putValue(admin, name, dbValue(next));

    const settled = firstValueFrom(app.refresher.settled$);
    const rotated = app.next('rotated', name);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(proxy.count('*')).toBe(0);
    await vi.advanceTimersByTimeAsync(1);

    expect(await settled).toMatchObject({ outcome: 'ok', nextDelayMs: 60_000 });
    expect((await rotated).versionId).toBe(versionId);
    expect(app.app.get(Db).password).toBe(next);
  });

  it('shares one GetSecretValue between a check and concurrent refresh() calls', async () => {
    const name = uniqueSecretName('rot/flight');
    await createSecret(admin, name, dbValue(makeCanary()));
    const Db = dbSecretClass(name);
    const app = await boot({ secrets: [Db] });
    await putValue(admin, name, dbValue(makeCanary()));

    const [, a, b] = await Promise.all([
      app.refresher.checkNow(),
      app.secrets.refresh(Db),
      app.secrets.refresh(Db),
    ]);

    expect(a).toEqual({ versionChanged: true });
    expect(b).toEqual({ versionChanged: true });
    expect(proxy.count('GetSecretValue')).toBe(1);
    expect(app.seen.filter((e) => e.type === 'rotated')).toHaveLength(1);
  });
});

describe('staged rotation (AWSPENDING, then UpdateSecretVersionStage)', () => {
  it('never serves AWSPENDING and follows AWSCURRENT once it moves', async () => {
    const [current, pending] = [makeCanary(), makeCanary()];
    const name = uniqueSecretName('rot/staged');
    const created = await createSecret(admin, name, dbValue(current));
    const Db = dbSecretClass(name);
    const app = await boot({ secrets: [Db] });

    const pendingVersion = await putPendingValue(admin, name, dbValue(pending));
    await app.refresher.checkNow();
    expect(app.app.get(Db).password).toBe(current);
    expect(app.secrets.metadata(Db).versionId).toBe(created.versionId);
    expect(proxy.count('GetSecretValue')).toBe(0);
    expect(app.seen).toEqual([]);

    await promoteToCurrent(admin, name, pendingVersion);
    const rotated = app.next('rotated', name);
    await app.refresher.checkNow();

    expect((await rotated).versionId).toBe(pendingVersion);
    expect(app.app.get(Db).password).toBe(pending);
    expect(app.secrets.metadata(Db).versionStages).toContain('AWSCURRENT');
  });
});

describe('every read path after the swap (scenario 20)', () => {
  it('returns the new value at once, and no reader sees a mix', async () => {
    const old = { user: 'app_user_a', pass: makeCanary() };
    const neu = { user: 'app_user_b', pass: makeCanary() };
    const name = uniqueSecretName('rot/paths');
    const plain = uniqueSecretName('rot/plain');
    await createSecret(admin, name, dbValue(old.pass, old.user));
    await createSecret(admin, plain, old.pass);
    const Db = dbSecretClass(name);
    const app = await boot({
      secrets: [Db, { id: plain, shape: 'string' }],
    });
    const injected = app.app.get(Db);
    const ref = app.secrets.get<string>(plain);
    const before = app.secrets.snapshot(Db);

    // A reader that samples the credential pair at every turn of the loop.
    const pairs = new Set<string>();
    let reading = true;
    const reader = (async () => {
      while (reading) {
        pairs.add(`${injected.username}:${injected.password}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const seenInHandler: string[] = [];
    const sub = app.events.rotated$.subscribe((event) => {
      if (event.secretId !== name) return;
      seenInHandler.push(app.secrets.get(Db).password, ref.value);
    });

    await putValue(admin, name, dbValue(neu.pass, neu.user));
    await putValue(admin, plain, neu.pass);
    await app.refresher.checkNow();
    reading = false;
    await reader;
    sub.unsubscribe();

    expect(injected.password).toBe(neu.pass);
    expect(app.secrets.get(Db)).toBe(injected);
    expect(app.secrets.snapshot(Db).password).toBe(neu.pass);
    expect(ref.value).toBe(neu.pass);
    expect(app.secrets.get<string>(plain).value).toBe(neu.pass);
    expect(before.password).toBe(old.pass);
    expect(seenInHandler[0]).toBe(neu.pass);
    for (const pair of pairs) {
      expect([`${old.user}:${old.pass}`, `${neu.user}:${neu.pass}`]).toContain(
        pair,
      );
    }
  });
});

describe('other detection modes', () => {
  it('describe mode: one DescribeSecret per secret per check', async () => {
    const names = [uniqueSecretName('rot/d1'), uniqueSecretName('rot/d2')];
    for (const n of names) await createSecret(admin, n, dbValue(makeCanary()));
    const app = await boot({
      secrets: names.map(dbSecretClass),
      refreshMode: 'describe',
    });
    const versionId = await putValue(admin, names[0], dbValue(makeCanary()));

    await app.refresher.checkNow();

    expect(proxy.counts()).toEqual({ DescribeSecret: 2, GetSecretValue: 1 });
    expect(app.seen).toMatchObject([{ type: 'rotated', versionId }]);
  });

  it('ttl mode: one GetSecretValue per secret per check, and no other action', async () => {
    const name = uniqueSecretName('rot/ttl');
    await createSecret(admin, name, dbValue(makeCanary()));
    const Db = dbSecretClass(name);
    const app = await boot({ secrets: [Db], refreshMode: 'ttl' });

    await app.refresher.checkNow();
    expect(app.seen).toEqual([]);
    const versionId = await putValue(admin, name, dbValue(makeCanary()));
    await app.refresher.checkNow();

    expect(proxy.counts()).toEqual({ GetSecretValue: 2 });
    expect(app.secrets.metadata(Db).versionId).toBe(versionId);
  });

  it('off: no background check, but refresh() still works', async () => {
    const name = uniqueSecretName('rot/off');
    await createSecret(admin, name, dbValue(makeCanary()));
    const Db = dbSecretClass(name);
    const app = await boot({ secrets: [Db], refreshMode: 'off' });

    expect(app.refresher.running).toBe(false);
    await putValue(admin, name, dbValue(makeCanary()));
    await expect(app.secrets.refresh(Db)).resolves.toEqual({
      versionChanged: true,
    });
    expect(proxy.counts()).toEqual({ GetSecretValue: 1 });
  });
});
