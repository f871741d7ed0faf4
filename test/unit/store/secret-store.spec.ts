import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readDefinition } from '../../../lib/declaration/read-definitions.js';
import { Secret } from '../../../lib/declaration/secret.decorator.js';
import { secretToken } from '../../../lib/secrets.constants.js';
import { SecretRef } from '../../../lib/store/secret-ref.js';
import {
  ROTATION_HISTORY_LIMIT,
  SecretStore,
  type PreparedVersion,
} from '../../../lib/store/secret-store.js';

@Secret('app/db')
class DbSecret {
  host!: string;
  password?: string;
}

@Secret('app/db', { key: 'password' })
class DbPassword {
  value!: string;
}

const MAX_STALENESS = 60_000;
const T0 = new Date('2030-01-01T00:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function version(
  versionId: string,
  values: [unknown, unknown][],
): PreparedVersion {
  return {
    requestKey: 'app/db|stage:AWSCURRENT',
    meta: {
      name: 'app/db',
      arn: 'arn:db',
      versionId,
      versionStages: ['AWSCURRENT'],
    },
    values: new Map(values as never),
  };
}

function storeWithTwoBindings() {
  const store = new SecretStore();
  const db = store.register(readDefinition(DbSecret)).target as DbSecret;
  const pw = store.register(readDefinition(DbPassword)).target as DbPassword;
  return { store, db, pw };
}

describe('SecretStore', () => {
  it('shares one record between definitions of one id and stage', () => {
    const { store } = storeWithTwoBindings();
    expect(store.records()).toHaveLength(1);
    expect(store.requests()).toEqual([
      {
        key: 'app/db|stage:AWSCURRENT',
        secretId: 'app/db',
        versionStage: 'AWSCURRENT',
      },
    ]);
  });

  it('commits every binding of a record together', () => {
    const { store, db, pw } = storeWithTwoBindings();
    store.commit(
      version('v1', [
        [
          DbSecret,
          Object.assign(new DbSecret(), { host: 'a', password: 'p1' }),
        ],
        [DbPassword, Object.assign(new DbPassword(), { value: 'p1' })],
      ]),
      T0,
    );
    expect(db).toMatchObject({ host: 'a', password: 'p1' });
    expect(pw.value).toBe('p1');
    expect(store.record('app/db|stage:AWSCURRENT')?.current?.versionId).toBe(
      'v1',
    );
  });

  it('keeps the live instance and removes fields the new value lacks', () => {
    const { store, db } = storeWithTwoBindings();
    const before = db;
    store.commit(
      version('v1', [
        [DbSecret, { host: 'a', password: 'p1' }],
        [DbPassword, { value: 'p1' }],
      ]),
      T0,
    );
    store.commit(
      version('v2', [
        [DbSecret, { host: 'b' }],
        [DbPassword, { value: 'p2' }],
      ]),
      at(1),
    );
    expect(db).toBe(before);
    expect(Object.keys(db)).toEqual(['host']);
    expect(inspect(db)).toBe('DbSecret { host: [redacted] }');
  });

  it('changes nothing when one binding lacks its value', () => {
    const { store, db, pw } = storeWithTwoBindings();
    store.commit(
      version('v1', [
        [DbSecret, { host: 'a' }],
        [DbPassword, { value: 'p1' }],
      ]),
      T0,
    );
    expect(() =>
      store.commit(version('v2', [[DbSecret, { host: 'b' }]]), at(1)),
    ).toThrow(/DbPassword/);
    expect(db.host).toBe('a');
    expect(pw.value).toBe('p1');
    expect(store.record('app/db|stage:AWSCURRENT')?.current?.versionId).toBe(
      'v1',
    );
  });

  it('swaps SecretRef values and version ids', () => {
    const store = new SecretStore();
    const ref = store.register(readDefinition({ id: 'k', shape: 'string' }))
      .target as SecretRef<string>;
    expect(ref).toBeInstanceOf(SecretRef);
    expect(ref.value).toBeUndefined();
    store.commit({
      requestKey: 'k|stage:AWSCURRENT',
      meta: { name: 'k', arn: 'arn:k', versionId: 'v9', versionStages: [] },
      values: new Map([[secretToken('k'), 'abc']]),
    });
    expect(ref.value).toBe('abc');
    expect(ref.versionId).toBe('v9');
  });

  it('keeps a bounded rotation history', () => {
    const { store } = storeWithTwoBindings();
    const total = ROTATION_HISTORY_LIMIT + 5;
    for (let i = 0; i <= total; i++) {
      store.commit(
        version(`v${i}`, [
          [DbSecret, { host: 'h' }],
          [DbPassword, { value: 'p' }],
        ]),
        at(i),
      );
    }
    const history = store.record('app/db|stage:AWSCURRENT')!.history;
    expect(history).toHaveLength(ROTATION_HISTORY_LIMIT);
    expect(history.at(-1)).toEqual({
      fromVersionId: `v${total - 1}`,
      toVersionId: `v${total}`,
      at: at(total),
    });
  });

  it('rejects a second declaration of one token with other options', () => {
    const store = new SecretStore();
    store.register(readDefinition({ id: 'k', shape: 'string' }));
    expect(() =>
      store.register(readDefinition({ id: 'k', shape: 'binary' })),
    ).toThrow(/declared twice/);
    expect(() =>
      store.register(readDefinition({ id: 'k', shape: 'string' })),
    ).not.toThrow();
  });
});

describe('derived state', () => {
  const key = 'app/db|stage:AWSCURRENT';
  const committed = () => {
    const { store } = storeWithTwoBindings();
    store.commit(
      version('v1', [
        [DbSecret, { host: 'a' }],
        [DbPassword, { value: 'p' }],
      ]),
      T0,
    );
    return store;
  };

  it('is failing before the first success', () => {
    const { store } = storeWithTwoBindings();
    store.recordFailure(key, { kind: 'not-found' }, T0);
    expect(store.state(key, T0.getTime(), MAX_STALENESS)).toBe('failing');
    expect(store.state('unknown', T0.getTime(), MAX_STALENESS)).toBe('failing');
  });

  it('is fresh after a success, stale while failing, then failing', () => {
    const store = committed();
    expect(store.state(key, T0.getTime(), MAX_STALENESS)).toBe('fresh');
    store.recordFailure(
      key,
      { kind: 'throttled', code: 'ThrottlingException' },
      at(10),
    );
    const record = store.record(key)!;
    expect(record.consecutiveFailures).toBe(1);
    expect(record.lastError).toEqual({
      kind: 'throttled',
      code: 'ThrottlingException',
      at: at(10),
    });
    expect(record.lastAttemptAt).toEqual(at(10));
    expect(store.state(key, at(MAX_STALENESS).getTime(), MAX_STALENESS)).toBe(
      'stale',
    );
    expect(
      store.state(key, at(MAX_STALENESS + 1).getTime(), MAX_STALENESS),
    ).toBe('failing');
  });

  it('is refused after an invalid version until a new one commits', () => {
    const store = committed();
    store.recordFailure(key, { kind: 'invalid' }, at(5), 'v2-bad');
    expect(store.record(key)!.refusedVersionId).toBe('v2-bad');
    expect(store.state(key, at(6).getTime(), MAX_STALENESS)).toBe('refused');
    store.markChecked(key, at(7));
    expect(store.state(key, at(8).getTime(), MAX_STALENESS)).toBe('refused');
    store.commit(
      version('v3', [
        [DbSecret, { host: 'c' }],
        [DbPassword, { value: 'p' }],
      ]),
      at(9),
    );
    expect(store.state(key, at(10).getTime(), MAX_STALENESS)).toBe('fresh');
    expect(store.record(key)!.refusedVersionId).toBeUndefined();
    expect(store.record(key)!.consecutiveFailures).toBe(0);
  });

  it('is refused, not failing, when the refusal comes long after boot', () => {
    const store = committed();
    const late = at(MAX_STALENESS * 10);
    store.recordFailure(key, { kind: 'invalid' }, late, 'v2-bad');
    expect(store.state(key, late.getTime() + 1, MAX_STALENESS)).toBe('refused');
  });

  it('is failing when checks fail past the bound after a refusal', () => {
    const store = committed();
    store.recordFailure(key, { kind: 'invalid' }, at(5), 'v2-bad');
    store.recordFailure(key, { kind: 'throttled' }, at(6));
    const past = at(5 + MAX_STALENESS + 1).getTime();
    expect(store.state(key, past, MAX_STALENESS)).toBe('failing');
  });
});
