import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readDefinition } from '../../../lib/declaration/read-definitions.js';
import { Secret } from '../../../lib/declaration/secret.decorator.js';
import { revealSecret } from '../../../lib/store/reveal-secret.js';
import { assignSecretRef, SecretRef } from '../../../lib/store/secret-ref.js';
import { SecretStore } from '../../../lib/store/secret-store.js';
import { snapshotOf } from '../../../lib/store/snapshot.js';

const CANARY = 'CANARY-ref-0d4e';

function ref(): SecretRef<string> {
  const r = new SecretRef<string>('app/key');
  r[assignSecretRef](CANARY, 'v1');
  return r;
}

function printed(value: unknown): string {
  let out = '';
  const stdout = new Writable({
    write(chunk, _e, done) {
      out += String(chunk);
      done();
    },
  });
  new Console({ stdout }).log(value);
  return out;
}

describe('SecretRef', () => {
  it('exposes the live value and version', () => {
    const r = ref();
    expect(r.value).toBe(CANARY);
    expect(r.versionId).toBe('v1');
    r[assignSecretRef]('next', 'v2');
    expect(r.value).toBe('next');
  });

  it('is redacted everywhere it is printed', () => {
    const r = ref();
    const outputs = [
      inspect(r),
      inspect({ r }, { showHidden: true }),
      printed(r),
      JSON.stringify({ r }),
      `${r}`,
      String(r),
    ];
    for (const text of outputs) {
      expect(text).toContain('[redacted]');
      expect(text).not.toContain(CANARY);
    }
    expect(JSON.parse(JSON.stringify(r))).toEqual({
      secretId: 'app/key',
      versionId: 'v1',
      value: '[redacted]',
    });
  });

  it('has no enumerable field holding the value', () => {
    expect(Object.values(ref())).not.toContain(CANARY);
    expect({ ...ref() }).not.toHaveProperty('value');
  });
});

describe('revealSecret', () => {
  @Secret('app/db')
  class Db {
    password!: string;
  }

  it('returns a plain unredacted copy of a config instance', () => {
    const store = new SecretStore();
    const db = store.register(readDefinition(Db)).target as Db;
    db.password = CANARY;
    const plain = revealSecret(db);
    expect(plain).toEqual({ password: CANARY });
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(JSON.stringify(plain)).toContain(CANARY);
    expect(JSON.stringify(db)).not.toContain(CANARY);
  });

  it('returns the value of a SecretRef', () => {
    expect(revealSecret(ref())).toBe(CANARY);
  });
});

describe('snapshotOf', () => {
  @Secret('app/db')
  class Db {
    host!: string;
  }

  it('is a frozen, redacted copy that later changes do not touch', () => {
    const store = new SecretStore();
    const db = store.register(readDefinition(Db)).target as Db;
    db.host = CANARY;
    const snap = snapshotOf(db);
    db.host = 'changed';
    expect(snap.host).toBe(CANARY);
    expect(snap).toBeInstanceOf(Db);
    expect(Object.isFrozen(snap)).toBe(true);
    expect(inspect(snap)).not.toContain(CANARY);
    expect(JSON.stringify(snap)).not.toContain(CANARY);
  });

  it('copies SecretRef bytes', () => {
    const r = new SecretRef<Uint8Array>('bin');
    const bytes = new Uint8Array([1, 2, 3]);
    r[assignSecretRef](bytes, 'v1');
    const snap = snapshotOf(r);
    bytes[0] = 9;
    expect([...snap.value]).toEqual([1, 2, 3]);
    expect(snap.versionId).toBe('v1');
    expect(Object.isFrozen(snap)).toBe(true);
  });
});
