import { describe, expect, it } from 'vitest';
import {
  decodeSecret,
  toClassInput,
} from '../../../lib/decode/decode-secret.js';
import type { SecretShape } from '../../../lib/declaration/secret-definition.js';
import type { RawSecret } from '../../../lib/source/raw-secret.js';

const CANARY = 'CANARY-decode-7f3a';

function raw(value: { secretString?: string; secretBinary?: Uint8Array }) {
  const base = { name: 'app/x', arn: 'arn:x', versionId: 'v1' };
  return { ...base, versionStages: ['AWSCURRENT'], ...value } as RawSecret;
}

const def = (shape: SecretShape, key?: string) => ({ id: 'app/x', shape, key });

describe('decodeSecret', () => {
  it('parses a JSON object', () => {
    const result = decodeSecret(raw({ secretString: '{"a":1}' }), def('json'));
    expect(result).toEqual({ ok: true, value: { a: 1 } });
  });

  it('reads one key of a JSON object, whatever its type', () => {
    const text = '{"a":{"b":2},"n":5}';
    expect(decodeSecret(raw({ secretString: text }), def('json', 'a'))).toEqual(
      { ok: true, value: { b: 2 } },
    );
    expect(decodeSecret(raw({ secretString: text }), def('json', 'n'))).toEqual(
      { ok: true, value: 5 },
    );
  });

  it('reports a missing key as wrong-shape, naming the key', () => {
    const result = decodeSecret(
      raw({ secretString: `{"other":"${CANARY}"}` }),
      def('json', 'password'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('wrong-shape');
    expect(result.error.message).toContain('"password"');
    expect(result.error.message).not.toContain(CANARY);
  });

  it('takes a string secret as is', () => {
    const pem = '-----BEGIN KEY-----\n{not json}';
    expect(decodeSecret(raw({ secretString: pem }), def('string'))).toEqual({
      ok: true,
      value: pem,
    });
  });

  it('returns binary bytes exactly, as a copy', () => {
    const bytes = new Uint8Array([0, 0xff, 0xfe, 0x80, 10]);
    const result = decodeSecret(raw({ secretBinary: bytes }), def('binary'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual(bytes);
    expect(result.value).not.toBe(bytes);
  });

  it.each([
    ['json', { secretBinary: new Uint8Array([1]) }, 'a JSON object'],
    ['string', { secretBinary: new Uint8Array([1]) }, 'a string'],
    ['binary', { secretString: CANARY }, 'binary'],
  ] as const)(
    'a %s declaration of another shape is wrong-shape',
    (shape, value, expected) => {
      const result = decodeSecret(raw(value), def(shape));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.kind).toBe('wrong-shape');
      expect(result.error.name).toBe('SecretParseError');
      expect(result.error.message).toContain(`expected ${expected}`);
      expect(result.error.message).not.toContain(CANARY);
    },
  );

  it.each([
    ['not JSON at all', `password=${CANARY}`],
    ['truncated JSON', `{"password":"${CANARY}"`],
    ['a JSON array', `["${CANARY}"]`],
    ['a JSON string', `"${CANARY}"`],
    ['JSON null', 'null'],
  ])('reports %s as not-json without echoing the input', (_label, text) => {
    const result = decodeSecret(raw({ secretString: text }), def('json'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('not-json');
    expect(result.error.secretId).toBe('app/x');
    expect(result.error.cause).toBeUndefined();
    const rendered = `${result.error.message}\n${result.error.stack}`;
    expect(rendered).not.toContain(CANARY);
    expect(JSON.stringify(result.error)).not.toContain(CANARY);
  });
});

describe('toClassInput', () => {
  it('passes objects through and wraps anything else as { value }', () => {
    const obj = { a: 1 };
    expect(toClassInput(obj)).toBe(obj);
    expect(toClassInput('s')).toEqual({ value: 's' });
    expect(toClassInput(5)).toEqual({ value: 5 });
    const bytes = new Uint8Array([1]);
    expect(toClassInput(bytes)).toEqual({ value: bytes });
  });
});
