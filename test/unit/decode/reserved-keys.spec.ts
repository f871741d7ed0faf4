import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readDefinition } from '../../../lib/declaration/read-definitions.js';
import { Secret } from '../../../lib/declaration/secret.decorator.js';
import {
  dropReservedKeys,
  RESERVED_KEYS,
} from '../../../lib/decode/reserved-keys.js';
import { SecretStore } from '../../../lib/store/secret-store.js';

const CANARY = 'CANARY-reserved-51c3';

@Secret('prod/reserved')
class Db {
  password!: string;
}

describe('dropReservedKeys', () => {
  it('drops every reserved key at any depth and reports the paths', () => {
    const parsed = JSON.parse(
      `{"password":"${CANARY}","toJSON":"x","nested":{"__proto__":{"polluted":1},"ok":1},"list":[{"constructor":"c"}]}`,
    ) as Record<string, unknown>;

    const { value, dropped } = dropReservedKeys(parsed);

    expect(dropped).toEqual([
      'toJSON',
      'nested.__proto__',
      'list.0.constructor',
    ]);
    expect(value).toEqual({ password: CANARY, nested: { ok: 1 }, list: [{}] });
    expect(Object.getPrototypeOf(value.nested)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(dropped.join()).not.toContain(CANARY);
  });

  it('lists the keys that shadow redaction or reach a prototype', () => {
    expect([...RESERVED_KEYS].sort()).toEqual(
      [
        '__proto__',
        'constructor',
        'inspect',
        'prototype',
        'toJSON',
        'toString',
        'valueOf',
      ].sort(),
    );
  });
});

describe('SecretStore commit with reserved keys', () => {
  it('never replaces the redaction methods, even if a value carries them', () => {
    const store = new SecretStore();
    const definition = readDefinition(Db);
    const { target } = store.register(definition);
    const value = JSON.parse(
      `{"password":"${CANARY}","toJSON":"x","toString":"y","__proto__":{"a":1}}`,
    ) as object;

    store.commit({
      requestKey: definition.requestKey,
      meta: { name: 'n', arn: 'a', versionId: 'v1', versionStages: [] },
      values: new Map([[Db, value]]),
    });

    const db = target as Db;
    expect(db.password).toBe(CANARY);
    expect(Object.getPrototypeOf(db)).toBe(Db.prototype);
    for (const shown of [
      JSON.stringify(db),
      inspect(db),
      `${db}`,
      String(db),
    ]) {
      expect(shown).not.toContain(CANARY);
    }
  });
});
