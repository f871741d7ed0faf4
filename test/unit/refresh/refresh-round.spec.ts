import { describe, expect, it, vi } from 'vitest';
import { readDefinition } from '../../../lib/declaration/read-definitions.js';
import type { SecretRequest } from '../../../lib/declaration/secret-definition.js';
import { SecretEvents } from '../../../lib/events/secret-events.js';
import { SecretsLoader } from '../../../lib/loader/secrets-loader.js';
import { SecretsLogger } from '../../../lib/logging/secrets-logger.js';
import type {
  VersionDetection,
  VersionDetector,
} from '../../../lib/refresh/detectors/version-detector.interface.js';
import { RefreshReporter } from '../../../lib/refresh/refresh-reporter.js';
import { RefreshRound } from '../../../lib/refresh/refresh-round.js';
import { VersionSync } from '../../../lib/refresh/version-sync.js';
import { createSecretsError } from '../../../lib/errors/create-secrets-error.js';
import type { RawSecret } from '../../../lib/source/raw-secret.js';
import type { SecretSource } from '../../../lib/source/secret-source.interface.js';
import { SecretsStats } from '../../../lib/stats/secrets-stats.js';
import { SecretStore } from '../../../lib/store/secret-store.js';

/** A source whose values and failures the test sets per secret id. */
class ScriptedSource implements SecretSource {
  readonly name = 'scripted';
  readonly values = new Map<string, { versionId: string; text: string }>();
  readonly failures = new Map<string, Error>();
  reads = 0;
  fetchMany = async () => new Map();
  async fetchOne(request: SecretRequest): Promise<RawSecret> {
    this.reads++;
    const failure = this.failures.get(request.secretId);
    if (failure) throw failure;
    const value = this.values.get(request.secretId)!;
    return {
      name: request.secretId,
      arn: `arn:${request.secretId}`,
      versionId: value.versionId,
      versionStages: ['AWSCURRENT'],
      secretString: value.text,
    };
  }
}

async function setup(ids: string[]) {
  const source = new ScriptedSource();
  const store = new SecretStore();
  const stats = new SecretsStats();
  const events = new SecretEvents();
  const seen: string[] = [];
  events.events$.subscribe((e) => seen.push(`${e.type}:${e.secretId}`));
  const loader = new SecretsLoader(
    source,
    store,
    { transformOptions: {}, validatorOptions: {} },
    stats,
  );
  const reporter = new RefreshReporter(new SecretsLogger(false), events, 1000);
  const sync = new VersionSync(store, loader, reporter, stats);
  const detected = new Map<string, VersionDetection>();
  const detector: VersionDetector = {
    mode: 'list',
    detect: vi.fn(async (requests: readonly SecretRequest[]) => {
      return new Map(requests.map((r) => [r.key, detected.get(r.secretId)!]));
    }),
  };
  const round = new RefreshRound({
    store,
    detector,
    sync,
    reporter,
    stats,
    backoffMaxMs: 300_000,
    jitterRatio: 0,
  });
  for (const id of ids) {
    store.register(readDefinition({ id, shape: 'string' }));
    source.values.set(id, { versionId: 'v1', text: `value of ${id}` });
    detected.set(id, { ok: true, versionId: 'v1' });
  }
  for (const request of store.requests()) await sync.sync(request);
  source.reads = 0;
  seen.length = 0;
  return { source, store, round, detected, detector, seen };
}

describe('RefreshRound', () => {
  it('confirms an unchanged version without reading it', async () => {
    const t = await setup(['a']);
    await expect(t.round.run(t.store.requests(), true)).resolves.toBe('ok');

    expect(t.source.reads).toBe(0);
    expect(
      t.store.record(t.store.requests()[0].key)?.lastSuccessAt,
    ).toBeDefined();
  });

  it('reads a moved version once and emits one rotation', async () => {
    const t = await setup(['a']);
    t.source.values.set('a', { versionId: 'v2', text: 'new' });
    t.detected.set('a', { ok: true, versionId: 'v2' });

    await t.round.run(t.store.requests(), true);
    await t.round.run(t.store.requests(), true);

    expect(t.source.reads).toBe(1);
    expect(t.seen).toEqual(['rotated:a']);
  });

  it('returns a transient kind so that the shared check backs off', async () => {
    const t = await setup(['a', 'b']);
    t.detected.set('b', {
      ok: false,
      error: Object.assign(new Error('x'), { name: 'ThrottlingException' }),
    });

    await expect(t.round.run(t.store.requests(), true)).resolves.toEqual({
      kind: 'throttled',
    });
    expect(t.seen).toContain('failed:b');
  });

  it('gates a secret that fails for good, without slowing down the others', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const t = await setup(['a', 'b']);
      t.detected.set('a', { ok: true, versionId: 'v2' });
      t.source.failures.set(
        'a',
        createSecretsError('gone', { kind: 'not-found', secretId: 'a' }),
      );

      await expect(t.round.run(t.store.requests(), true)).resolves.toBe('ok');
      await t.round.run(t.store.requests(), true);
      expect(t.source.reads).toBe(1);

      vi.setSystemTime(Date.now() + 300_000);
      await t.round.run(t.store.requests(), true);
      expect(t.source.reads).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a non-transient kind when every secret of the round failed', async () => {
    const t = await setup(['a']);
    t.detected.set('a', {
      ok: false,
      error: Object.assign(new Error('x'), { name: 'ExpiredTokenException' }),
    });

    await expect(t.round.run(t.store.requests(), false)).resolves.toEqual({
      kind: 'credentials',
    });
  });
});
