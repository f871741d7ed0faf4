import { HealthIndicatorService } from '@nestjs/terminus';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readDefinition } from '../../../lib/declaration/read-definitions.js';
import { SecretsHealthIndicator } from '../../../lib/health/secrets-health.indicator.js';
import { resolveSecretsOptions } from '../../../lib/options/resolve-options.js';
import { SecretStore } from '../../../lib/store/secret-store.js';

const MAX_STALENESS_MS = 60_000;
const T0 = Date.parse('2030-01-01T00:00:00Z');
const CANARY = 'CANARY-health-unit-0123456789';

function setup() {
  const store = new SecretStore();
  const options = resolveSecretsOptions({
    maxStalenessMs: MAX_STALENESS_MS,
    logger: false,
  });
  const indicator = new SecretsHealthIndicator(
    new HealthIndicatorService(),
    store,
    options,
  );
  return { store, indicator };
}

function commit(store: SecretStore, id: string, versionId: string) {
  const requestKey = `${id}|stage:AWSCURRENT`;
  const values = new Map(
    store.bindingsOf(requestKey).map((b) => [b.definition.token, CANARY]),
  );
  store.commit({
    requestKey,
    meta: {
      name: id,
      arn: `arn:${id}`,
      versionId,
      versionStages: ['AWSCURRENT'],
    },
    values,
  });
}

function register(store: SecretStore, id: string, required = true) {
  store.register(readDefinition({ id, shape: 'string', required }));
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('SecretsHealthIndicator', () => {
  it('is up with every secret fresh, and describes each without a value', () => {
    const { store, indicator } = setup();
    register(store, 'app/db');
    commit(store, 'app/db', 'v1');
    vi.advanceTimersByTime(5_000);

    const result = indicator.isHealthy();

    expect(result).toEqual({
      secrets: {
        status: 'up',
        secrets: [
          {
            secretId: 'app/db',
            name: 'app/db',
            stage: 'AWSCURRENT',
            versionId: 'v1',
            required: true,
            state: 'fresh',
            fetchedAt: new Date(T0).toISOString(),
            ageMs: 5_000,
            lastAttemptAt: new Date(T0).toISOString(),
            consecutiveFailures: 0,
          },
        ],
      },
    });
    expect(JSON.stringify(result)).not.toContain(CANARY);
  });

  it('uses the given key and never puts a status key in secret entries', () => {
    const { store, indicator } = setup();
    register(store, 'app/db');
    commit(store, 'app/db', 'v1');

    const result = indicator.isHealthy('vault');

    expect(Object.keys(result)).toEqual(['vault']);
    for (const entry of result.vault.secrets) {
      expect(entry).not.toHaveProperty('status');
    }
  });

  it('is degraded while a required secret fails within maxStalenessMs', () => {
    const { store, indicator } = setup();
    register(store, 'app/db');
    commit(store, 'app/db', 'v1');
    vi.advanceTimersByTime(10_000);
    store.recordFailure('app/db|stage:AWSCURRENT', {
      kind: 'throttled',
      code: 'ThrottlingException',
    });

    const result = indicator.isHealthy().secrets;

    expect(result.status).toBe('degraded');
    expect(result.message).toContain('app/db');
    expect(result.secrets[0]).toMatchObject({
      state: 'stale',
      consecutiveFailures: 1,
      lastErrorKind: 'throttled',
      lastErrorCode: 'ThrottlingException',
      lastAttemptAt: new Date(T0 + 10_000).toISOString(),
    });
  });

  it('is down once a required secret fails past maxStalenessMs', () => {
    const { store, indicator } = setup();
    register(store, 'app/db');
    register(store, 'app/other');
    commit(store, 'app/db', 'v1');
    commit(store, 'app/other', 'v1');
    store.recordFailure('app/db|stage:AWSCURRENT', { kind: 'network' });

    vi.advanceTimersByTime(MAX_STALENESS_MS);
    expect(indicator.isHealthy().secrets.status).toBe('degraded');

    vi.advanceTimersByTime(1);
    const result = indicator.isHealthy().secrets;
    expect(result.status).toBe('down');
    expect(result.message).toContain('app/db');
    expect(result.message).not.toContain('app/other');
    expect(result.secrets.map((s) => s.state)).toEqual(['failing', 'fresh']);
  });

  it('is degraded, not down, when only an optional secret is failing', () => {
    const { store, indicator } = setup();
    register(store, 'app/optional', false);
    store.recordFailure('app/optional|stage:AWSCURRENT', {
      kind: 'not-found',
      code: 'ResourceNotFoundException',
    });

    const result = indicator.isHealthy().secrets;

    expect(result.status).toBe('degraded');
    expect(result.secrets[0]).toMatchObject({
      required: false,
      state: 'failing',
      lastErrorKind: 'not-found',
    });
    expect(result.secrets[0].versionId).toBeUndefined();
    expect(result.secrets[0].ageMs).toBeUndefined();
  });

  it('reports a refused rotation with the refused version id', () => {
    const { store, indicator } = setup();
    register(store, 'app/db');
    commit(store, 'app/db', 'v1');
    store.recordFailure(
      'app/db|stage:AWSCURRENT',
      { kind: 'invalid' },
      new Date(),
      'v2',
    );

    const [entry] = indicator.isHealthy().secrets.secrets;

    expect(entry).toMatchObject({
      state: 'refused',
      versionId: 'v1',
      refusedVersionId: 'v2',
      lastErrorKind: 'invalid',
    });
  });

  it('falls back to up on a terminus without degraded', () => {
    const { store } = setup();
    register(store, 'app/db');
    commit(store, 'app/db', 'v1');
    store.recordFailure('app/db|stage:AWSCURRENT', { kind: 'server' });
    const service = new HealthIndicatorService();
    const check = service.check.bind(service);
    vi.spyOn(service, 'check').mockImplementation((key) => {
      const session = check(key);
      Object.defineProperty(session, 'degraded', { value: undefined });
      return session;
    });
    const indicator = new SecretsHealthIndicator(
      service,
      store,
      resolveSecretsOptions({ maxStalenessMs: MAX_STALENESS_MS }),
    );

    expect(indicator.isHealthy().secrets.status).toBe('up');
  });
});
