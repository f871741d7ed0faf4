import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  assertNoCanary,
  canaryNeedles,
  errorHaystack,
  findCanaries,
  makeCanary,
} from '../../support/canary.js';

const caught = (fn: () => void): Error => {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
};

describe('makeCanary', () => {
  it('makes distinct CANARY- values', () => {
    const values = new Set(Array.from({ length: 100 }, () => makeCanary()));

    expect(values.size).toBe(100);
    for (const value of values) expect(value).toMatch(/^CANARY-[0-9a-f]{16}$/);
  });

  it('adds characters that escaping changes when asked', () => {
    const special = makeCanary({ special: true });

    expect(encodeURIComponent(special)).not.toBe(special);
    expect(JSON.stringify(special).slice(1, -1)).not.toBe(special);
  });
});

describe('findCanaries', () => {
  const canary = makeCanary();
  const special = makeCanary({ special: true });

  it.each([
    ['raw', `password=${canary};`],
    ['base64', Buffer.from(canary).toString('base64')],
    [
      'base64url',
      Buffer.from(`\xff\xfe${special}`, 'latin1').toString('base64url'),
    ],
    ['url-encoded', `https://x.test/?p=${encodeURIComponent(special)}`],
    ['form-encoded', new URLSearchParams({ p: special }).toString()],
    ['json-escaped', JSON.stringify({ password: special })],
    ['double-json-escaped', JSON.stringify(JSON.stringify({ p: special }))],
    [
      'html-escaped',
      `<td>${special.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</td>`,
    ],
    ['hex', Buffer.from(canary).toString('hex')],
    ['hex-bytes', inspect(Buffer.from(canary))],
  ])('finds the %s form', (form, haystack) => {
    const findings = findCanaries([canary, special], haystack);

    expect(findings.map((f) => f.form)).toContain(form);
  });

  it('finds base64 inside a larger encoded document at every byte offset', () => {
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      const document = JSON.stringify({
        user: `admin${prefix}`,
        password: canary,
      });
      const encoded = Buffer.from(document).toString('base64');

      expect(findCanaries([canary], encoded)).toHaveLength(1);
    }
  });

  it('finds a canary inside a Basic auth header', () => {
    const header = `Basic ${Buffer.from(`user:${canary}`).toString('base64')}`;

    expect(findCanaries([canary], header)[0]?.form).toBe('base64');
  });

  it('searches errors deeply: message, stack, own fields and causes', () => {
    const cause = new Error('inner');
    Object.assign(cause, { detail: { deeper: { value: canary } } });
    const error = new Error('outer', { cause });

    expect(findCanaries([canary], errorHaystack(error))).toHaveLength(1);
  });

  it('reports nothing for clean text or a different canary', () => {
    const other = makeCanary();
    const clean = `secret db/main v1 ${Buffer.from(other).toString('base64')}`;

    expect(
      findCanaries([canary], clean, { where: 'x', text: { other } }),
    ).toEqual([]);
  });

  it('refuses canaries too short to search safely', () => {
    expect(() => findCanaries(['short'], 'text')).toThrow(/shorter than 12/);
  });
});

describe('canaryNeedles', () => {
  it('lists each distinct form once', () => {
    const needles = canaryNeedles(makeCanary({ special: true }));

    expect(new Set(needles.map((n) => n.needle)).size).toBe(needles.length);
    expect(new Set(needles.map((n) => n.form))).toEqual(
      new Set([
        'raw',
        'json-escaped',
        'double-json-escaped',
        'url-encoded',
        'form-encoded',
        'html-escaped',
        'base64',
        'base64url',
        'hex',
        'hex-bytes',
      ]),
    );
  });
});

describe('assertNoCanary', () => {
  const canary = makeCanary({ special: true });

  it('passes when no haystack holds a canary', () => {
    expect(() =>
      assertNoCanary({ password: canary }, 'clean', [
        { where: 'body', text: {} },
      ]),
    ).not.toThrow();
  });

  it('says which canary, in which form and where, without printing it', () => {
    const encoded = Buffer.from(`x${canary}`).toString('base64');

    const error = caught(() =>
      assertNoCanary(
        { 'db.password': canary },
        'clean text',
        { where: 'GET /health body', text: `{"token":"${encoded}"}` },
        [{ where: 'log line 3 [warn]', text: `failed for ${canary}` }],
      ),
    );

    expect(error.message).toContain('2 occurrence(s)');
    expect(error.message).toContain(
      'canary db.password as base64 in GET /health body',
    );
    expect(error.message).toContain(
      'canary db.password as raw in log line 3 [warn]',
    );
    expect(error.message).toContain('failed for ‹canary db.password as raw›');
    // The failure must not leak what it guards, in any form.
    expect(findCanaries([canary], error.message, error.stack ?? '')).toEqual(
      [],
    );
  });

  it('names list canaries by position', () => {
    const error = caught(() =>
      assertNoCanary(['x'.repeat(12), canary], canary),
    );

    expect(error.message).toContain('canary #2 as raw in haystack 1');
  });
});
