import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { firstValueFrom } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import type { RefreshCheckSettled } from '../../../lib/refresh/refresh-scheduler.js';
import {
  createSecret,
  markForDeletion,
  putValue,
  uniqueSecretName,
} from '../../support/aws.js';
import { assertNoCanary, makeCanary } from '../../support/canary.js';
import type { Fault, FaultProxy } from '../../support/fault-proxy.js';
import {
  bootRefreshApp,
  type RefreshApp,
  type RefreshAppOptions,
} from './support/refresh-app.js';
import { bootDbApp, useRefreshFixture } from './support/refresh-fixture.js';
import { dbSecretClass, dbValue } from '../../support/db-secret.js';

const MINUTE = 60_000;

let proxy: FaultProxy;
let admin: SecretsManagerClient;
let client: SecretsManagerClient;
let running: RefreshApp | undefined;

useRefreshFixture((aws) => ({ proxy, admin, client } = aws));

const bootWith = (name: string, options: Partial<RefreshAppOptions> = {}) =>
  bootDbApp({ client, proxy }, name, options);

const transientFaults: Array<[string, Fault, string[], string | undefined]> = [
  [
    'ThrottlingException',
    { kind: 'throttle' },
    ['throttled'],
    'ThrottlingException',
  ],
  ['HTTP 500', { kind: 'internal-error' }, ['server'], 'InternalFailure'],
  ['a dropped connection', { kind: 'drop' }, ['network'], undefined],
  [
    'a delay beyond timeoutMs',
    { kind: 'delay', ms: 2_000 },
    ['timeout'],
    undefined,
  ],
];

describe('transient faults: stale-if-error (scenario 13)', () => {
  it.each(transientFaults)(
    '%s keeps the value in service, reports stale, and recovers',
    async (_label, fault, kinds, code) => {
      const password = makeCanary();
      const name = uniqueSecretName('fault/transient');
      await createSecret(admin, name, dbValue(password));
      const { app, db } = await bootWith(name, { timeoutMs: 300 });
      const versionId = await putValue(admin, name, dbValue(makeCanary()));

      proxy.inject('*', fault);
      const failed = app.next('failed', name);
      await app.refresher.checkNow();

      const event = await failed;
      expect(event).toMatchObject({ type: 'failed', secretId: name });
      expect(kinds).toContain(event.kind);
      const kind = event.kind;
      if (code) expect(event.code).toBe(code);
      expect(db.password).toBe(password);
      expect(app.secrets.status()[0]).toMatchObject({
        state: 'stale',
        consecutiveFailures: 1,
        lastError: { kind },
      });
      expect(app.logs.ofLevel('warn').at(-1)?.message).toContain(
        `Refresh failed: Secret "${name}"`,
      );

      proxy.clearFaults();
      const rotated = app.next('rotated', name);
      await app.refresher.checkNow();
      expect((await rotated).versionId).toBe(versionId);
      expect(app.secrets.status()[0]).toMatchObject({ state: 'fresh' });
      assertNoCanary([password], app.logs.haystacks(), {
        where: 'events',
        text: app.seen,
      });
    },
  );

  it('keeps serving when only GetSecretValue of the new version is throttled', async () => {
    const password = makeCanary();
    const name = uniqueSecretName('fault/get');
    await createSecret(admin, name, dbValue(password));
    const { app, db } = await bootWith(name);
    const versionId = await putValue(admin, name, dbValue(makeCanary()));

    proxy.inject('GetSecretValue', { kind: 'throttle' }, { times: 1 });
    await app.refresher.checkNow();
    expect(db.password).toBe(password);
    expect(app.secrets.status()[0].state).toBe('stale');

    await app.refresher.checkNow();
    expect(app.secrets.status()[0]).toMatchObject({
      state: 'fresh',
      versionId,
    });
    expect(proxy.counts()).toEqual({ ListSecrets: 2, GetSecretValue: 2 });
  });
});

describe('a sustained failure (scenario 4), on a fake clock', () => {
  it('backs off in seconds, bounded, counted per simulated minute, then recovers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const name = uniqueSecretName('fault/backoff');
    await createSecret(admin, name, dbValue(makeCanary()));
    const { app } = await bootWith(name, {
      refreshIntervalMs: MINUTE,
      refreshJitterRatio: 0,
      maxStalenessMs: 5 * MINUTE,
    });
    const bootedAt = Date.now();
    proxy.inject('*', { kind: 'throttle' });

    const waits: number[] = [];
    const step = async (): Promise<RefreshCheckSettled<string>> => {
      const settled = firstValueFrom(app.refresher.settled$);
      await vi.advanceTimersToNextTimerAsync();
      const result = await settled;
      waits.push(result.nextDelayMs);
      return result;
    };
    const start = bootedAt + MINUTE;
    while (Date.now() < start + 10 * MINUTE) await step();
    expect(app.secrets.status()[0].state).toBe('failing');

    const perMinute = proxy.countsPerWindow('ListSecrets', MINUTE, start);
    // First retries within ~1 s, 2 s, 4 s...: a handful in minute one.
    expect(perMinute[0]).toBeGreaterThanOrEqual(5);
    expect(perMinute[0]).toBeLessThanOrEqual(8);
    // Then the delay reaches half of backoffMaxMs (5 min) or more.
    for (const count of perMinute.slice(6))
      expect(count).toBeLessThanOrEqual(1);
    expect(proxy.count('ListSecrets')).toBeLessThanOrEqual(16);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(500);
    expect(Math.max(...waits)).toBeLessThanOrEqual(5 * MINUTE);
    expect(proxy.count('GetSecretValue')).toBe(0);

    proxy.clearFaults();
    const recovered = await step();
    expect(recovered.outcome).toBe('ok');
    expect(recovered.nextDelayMs).toBe(MINUTE);
    expect(app.secrets.status()[0].state).toBe('fresh');
  });

  it('reports stale within maxStalenessMs and failing after it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const name = uniqueSecretName('fault/staleness');
    await createSecret(admin, name, dbValue(makeCanary()));
    const { app } = await bootWith(name, { maxStalenessMs: 2 * MINUTE });
    proxy.inject('*', { kind: 'internal-error' });

    await app.refresher.checkNow();
    expect(app.secrets.status()[0].state).toBe('stale');
    vi.setSystemTime(Date.now() + 2 * MINUTE + 1);
    expect(app.secrets.status()[0].state).toBe('failing');
  });
});

describe('non-transient failures (scenario 12 and friends)', () => {
  it('a secret scheduled for deletion is reported by kind and retried slowly', async () => {
    const password = makeCanary();
    const name = uniqueSecretName('fault/deleted');
    await createSecret(admin, name, dbValue(password));
    const { app, db } = await bootWith(name);

    await markForDeletion(admin, name);
    const failed = app.next('failed', name);
    const settled = firstValueFrom(app.refresher.settled$);
    await app.refresher.checkNow();

    expect(await failed).toMatchObject({
      kind: 'marked-for-deletion',
      code: 'InvalidRequestException',
    });
    // The only secret failed for good: the next check waits backoffMaxMs.
    expect((await settled).nextDelayMs).toBeGreaterThanOrEqual(270_000);
    expect(db.password).toBe(password);
    expect(app.logs.ofLevel('error').at(-1)?.message).toContain(
      `Secret "${name}" is scheduled for deletion (InvalidRequestException)`,
    );
  });

  it('one failing secret in list mode is retried slowly; the others keep their interval', async () => {
    const [healthy, broken] = [
      uniqueSecretName('fault/ok'),
      uniqueSecretName('fault/kms'),
    ];
    await createSecret(admin, healthy, dbValue(makeCanary()));
    await createSecret(admin, broken, dbValue(makeCanary()));
    running = await bootRefreshApp({
      client,
      secrets: [dbSecretClass(healthy), dbSecretClass(broken)],
    });
    const app = running;
    await putValue(admin, broken, dbValue(makeCanary()));
    proxy.reset();
    proxy.inject(
      'GetSecretValue',
      { kind: 'aws-error', status: 400, type: 'DecryptionFailure' },
      { secretId: broken },
    );

    await app.refresher.checkNow();
    await app.refresher.checkNow();
    const fresh = await putValue(admin, healthy, dbValue(makeCanary()));
    await app.refresher.checkNow();

    expect(proxy.count('GetSecretValue')).toBe(2);
    const byId = new Map(app.secrets.status().map((s) => [s.secretId, s]));
    expect(byId.get(broken)).toMatchObject({
      state: 'stale',
      lastError: { kind: 'decryption-failed', code: 'DecryptionFailure' },
    });
    expect(byId.get(healthy)).toMatchObject({
      state: 'fresh',
      versionId: fresh,
    });
  });

  it('expired credentials on the listing slow the whole round down', async () => {
    const name = uniqueSecretName('fault/creds');
    await createSecret(admin, name, dbValue(makeCanary()));
    const { app } = await bootWith(name);
    proxy.inject('*', {
      kind: 'aws-error',
      status: 400,
      type: 'ExpiredTokenException',
    });

    const settled = firstValueFrom(app.refresher.settled$);
    await app.refresher.checkNow();

    expect(await settled).toMatchObject({ outcome: { kind: 'credentials' } });
    expect(app.secrets.stats().failures).toMatchObject({ credentials: 1 });
  });
});
