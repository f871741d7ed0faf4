import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { format, inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { installRedaction, REDACTED } from '../../../lib/decode/redaction.js';

const CANARY = 'CANARY-redact-91b2';

class DatabaseSecret {
  host!: string;
  password!: string;
}

function secret(): DatabaseSecret {
  const s = new DatabaseSecret();
  installRedaction(s, 'DatabaseSecret');
  Object.assign(s, { host: 'db.local', password: CANARY });
  return s;
}

describe('installRedaction', () => {
  it('keeps real values for field reads', () => {
    expect(secret().password).toBe(CANARY);
  });

  it('redacts util.inspect, showing field names', () => {
    const text = inspect(secret());
    expect(text).toBe(
      `DatabaseSecret { host: ${REDACTED}, password: ${REDACTED} }`,
    );
    expect(inspect({ nested: secret() }, { depth: 5 })).not.toContain(CANARY);
    expect(inspect(secret(), { showHidden: true })).not.toContain(CANARY);
  });

  it('redacts console.log, including %o, %O, %j and %s', () => {
    let out = '';
    const stdout = new Writable({
      write(chunk, _encoding, done) {
        out += String(chunk);
        done();
      },
    });
    const console = new Console({ stdout });
    console.log(secret());
    console.log('%o %O %j %s', secret(), secret(), secret(), secret());
    console.log({ db: secret() });
    expect(out).toContain('password: [redacted]');
    expect(out).not.toContain(CANARY);
  });

  it('redacts util.format with every placeholder', () => {
    const text = format('%o %O %j %s %d', ...Array(5).fill(secret()));
    expect(text).toContain('password');
    expect(text).not.toContain(CANARY);
    expect(format(secret())).not.toContain(CANARY);
  });

  it('redacts JSON.stringify, also when nested', () => {
    expect(JSON.parse(JSON.stringify(secret()))).toEqual({
      host: REDACTED,
      password: REDACTED,
    });
    expect(JSON.stringify({ config: [secret()] })).not.toContain(CANARY);
  });

  it('redacts template strings, String() and concatenation', () => {
    const s = secret();
    for (const text of [`${s}`, String(s), s.toString(), '' + s]) {
      expect(text).toContain('password: [redacted]');
      expect(text).not.toContain(CANARY);
    }
  });

  it('adds no enumerable keys and follows field changes', () => {
    const s = secret();
    expect(Object.keys(s)).toEqual(['host', 'password']);
    Object.assign(s, { port: 1 });
    expect(inspect(s)).toContain('port: [redacted]');
  });
});
