import 'reflect-metadata';
import { IsInt, IsString } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { readDefinition } from '../../../lib/declaration/read-definitions.js';
import { toSecretRequest } from '../../../lib/declaration/request-key.js';
import type { SecretRequest } from '../../../lib/declaration/secret-definition.js';
import { Secret } from '../../../lib/declaration/secret.decorator.js';
import { createSecretsError } from '../../../lib/errors/create-secrets-error.js';
import { SecretsLoader } from '../../../lib/loader/secrets-loader.js';
import { resolveSecretsOptions } from '../../../lib/options/resolve-options.js';
import type { RawSecret } from '../../../lib/source/raw-secret.js';
import type { SecretSource } from '../../../lib/source/secret-source.interface.js';
import { SecretsStats } from '../../../lib/stats/secrets-stats.js';
import { SecretStore } from '../../../lib/store/secret-store.js';

const CANARY = 'CANARY-loader-8e21';

@Secret('prod/db', { key: 'conn' })
class Conn {
  @IsString() host!: string;
  @IsInt() port!: number;
}

@Secret('prod/db', { key: 'password' })
class Password {
  @IsString() value!: string;
}

function raw(value: object, versionId = 'v1'): RawSecret {
  return {
    name: 'prod/db',
    arn: 'arn:prod/db',
    versionId,
    versionStages: ['AWSCURRENT'],
    secretString: JSON.stringify(value),
  };
}

/** A source serving one value per secret id from a map. */
function sourceOf(values: Map<string, RawSecret>): SecretSource {
  const fetchOne = async (request: SecretRequest) => {
    const found = values.get(request.secretId);
    if (found) return found;
    throw createSecretsError('missing', {
      kind: 'not-found',
      secretId: request.secretId,
    });
  };
  return {
    name: 'test',
    fetchOne,
    async fetchMany(requests) {
      const out = new Map();
      for (const r of requests) {
        out.set(
          r.key,
          await fetchOne(r).then(
            (raw) => ({ ok: true, raw }),
            (error) => ({ ok: false, error }),
          ),
        );
      }
      return out;
    },
  };
}

function setup(values: Map<string, RawSecret>) {
  const store = new SecretStore();
  const conn = store.register(readDefinition(Conn)).target as Conn;
  const password = store.register(readDefinition(Password)).target as Password;
  const stats = new SecretsStats();
  const options = resolveSecretsOptions({ logger: false });
  const loader = new SecretsLoader(sourceOf(values), store, options, stats);
  return { store, conn, password, loader, stats };
}

const request = toSecretRequest('prod/db');
const good = { conn: { host: 'h', port: '5432' }, password: CANARY };

describe('SecretsLoader', () => {
  it('serves two classes from one fetch of one secret', async () => {
    const { loader, conn, password } = setup(new Map([['prod/db', raw(good)]]));
    expect(await loader.loadAll()).toEqual([]);
    expect(conn).toMatchObject({ host: 'h', port: 5432 });
    expect(password.value).toBe(CANARY);
  });

  it('commits nothing when one binding of a new version fails', async () => {
    const values = new Map([['prod/db', raw(good)]]);
    const { loader, store, conn, password, stats } = setup(values);
    await loader.loadAll();

    values.set(
      'prod/db',
      raw({ conn: { host: 'h2', port: 'not-a-port' }, password: 'p2' }, 'v2'),
    );
    const outcome = await loader.load(request);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toEqual([
      expect.objectContaining({
        secretId: 'prod/db',
        kind: 'invalid',
        path: 'port',
        rules: ['isInt'],
      }),
    ]);
    loader.apply(outcome, new Date());

    expect(conn.host).toBe('h');
    expect(password.value).toBe(CANARY);
    const record = store.record(request.key)!;
    expect(record.current?.versionId).toBe('v1');
    expect(record.refusedVersionId).toBe('v2');
    expect(record.lastError?.kind).toBe('invalid');
    expect(stats.snapshot().failures).toEqual({ invalid: 1 });
  });

  it('commits a new version to every binding at once', async () => {
    const values = new Map([['prod/db', raw(good)]]);
    const { loader, conn, password } = setup(values);
    await loader.loadAll();
    values.set(
      'prod/db',
      raw({ conn: { host: 'h2', port: 2 }, password: 'p2' }, 'v2'),
    );
    const outcome = await loader.load(request);
    expect(conn.host).toBe('h');
    loader.apply(outcome);
    expect(conn).toMatchObject({ host: 'h2', port: 2 });
    expect(password.value).toBe('p2');
  });

  it('reports fetch failures as issues without a refused version', async () => {
    const { loader, store } = setup(new Map());
    const issues = await loader.loadAll();
    expect(issues).toEqual([
      {
        secretId: 'prod/db',
        kind: 'not-found',
        required: true,
        message: 'missing',
      },
    ]);
    expect(store.record(request.key)?.consecutiveFailures).toBe(1);
    expect(store.record(request.key)?.refusedVersionId).toBeUndefined();
  });

  it('turns a foreign source error into an unknown issue without its text', async () => {
    const store = new SecretStore();
    store.register(readDefinition(Password));
    const source: SecretSource = {
      name: 'broken',
      fetchOne: () => Promise.reject(new Error(CANARY)),
      fetchMany: () => Promise.reject(new Error(CANARY)),
    };
    const loader = new SecretsLoader(
      source,
      store,
      resolveSecretsOptions({ logger: false }),
      new SecretsStats(),
    );
    const issues = await loader.loadAll();
    expect(issues).toHaveLength(1);
    expect(issues[0].kind).toBe('unknown');
    expect(issues[0].message).toContain('broken source');
    const outcome = await loader.load(request);
    expect(JSON.stringify(outcome)).not.toContain(CANARY);
  });
});
