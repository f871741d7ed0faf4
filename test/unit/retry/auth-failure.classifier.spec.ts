import { describe, expect, it } from 'vitest';
import { isAuthFailure } from '../../../lib/retry/auth-failure.classifier.js';

function error(fields: Record<string, unknown>, message = 'failed'): Error {
  return Object.assign(new Error(message), fields);
}

describe('isAuthFailure', () => {
  it.each([
    ['PostgreSQL invalid_password', error({ code: '28P01' })],
    ['PostgreSQL 28000 from a proxy', error({ code: '28000' })],
    ['MySQL errno 1045', error({ errno: 1045 })],
    ['MySQL code', error({ code: 'ER_ACCESS_DENIED_ERROR' })],
    ['SQL Server number', error({ number: 18456 })],
    ['SQL Server code', error({ code: 18456 })],
    ['SQL Server code as text', error({ code: '18456' })],
    ['Oracle errorNum', error({ errorNum: 1017 })],
    ['Redis WRONGPASS', error({}, 'WRONGPASS invalid username-password pair')],
    ['Redis NOAUTH', error({}, 'NOAUTH Authentication required.')],
  ])('recognises %s', (_, e) => {
    expect(isAuthFailure(e)).toBe(true);
  });

  it.each([
    ['PostgreSQL too many connections', error({ code: '53300' })],
    ['MySQL unknown database', error({ errno: 1049, code: 'ER_BAD_DB_ERROR' })],
    ['SQL Server other error', error({ number: 4060 })],
    ['network error', error({ code: 'ECONNREFUSED' })],
    ['Redis message mentioning NOAUTH later', error({}, 'ERR got NOAUTH')],
    ['a string', 'WRONGPASS'],
    ['null', null],
  ])('rejects %s', (_, e) => {
    expect(isAuthFailure(e)).toBe(false);
  });

  it('looks through cause, originalError and AggregateError', () => {
    const pg = error({ code: '28P01' });

    expect(isAuthFailure(new Error('pool', { cause: pg }))).toBe(true);
    expect(
      isAuthFailure(error({ originalError: error({ number: 18456 }) })),
    ).toBe(true);
    expect(isAuthFailure(new AggregateError([new Error('x'), pg]))).toBe(true);
  });

  it('survives cycles and gives up on very deep chains', () => {
    const a = error({});
    const b = error({ cause: a });
    Object.assign(a, { cause: b });
    expect(isAuthFailure(a)).toBe(false);

    let deep: Error = error({ code: '28P01' });
    for (let i = 0; i < 10; i++) deep = new Error('wrap', { cause: deep });
    expect(isAuthFailure(deep)).toBe(false);
  });
});
