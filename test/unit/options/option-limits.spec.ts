import { describe, expect, it } from 'vitest';
import { SecretsOptionsError } from '../../../lib/errors/secrets-options.error.js';
import {
  MAX_DURATION_MS,
  resolveSecretsOptions,
} from '../../../lib/options/resolve-options.js';
import type { SecretsModuleOptions } from '../../../lib/options/secrets-module-options.interface.js';

const THIRTY_DAYS_MS = 30 * 24 * 3600 * 1000;

function errorOf(options: unknown): SecretsOptionsError {
  try {
    resolveSecretsOptions(options as SecretsModuleOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(SecretsOptionsError);
    return error as SecretsOptionsError;
  }
  throw new Error('resolveSecretsOptions accepted the options');
}

describe('option limits', () => {
  it.each([
    'timeoutMs',
    'refreshIntervalMs',
    'maxStalenessMs',
    'backoffInitialMs',
    'backoffMaxMs',
    'minRefreshIntervalMs',
  ])('accepts %s up to 2^31 - 1 ms and rejects 30 days', (name) => {
    expect(resolveSecretsOptions({ [name]: MAX_DURATION_MS })).toMatchObject({
      [name]: MAX_DURATION_MS,
    });

    const error = errorOf({ [name]: THIRTY_DAYS_MS });

    expect(error.name).toBe('SecretsOptionsError');
    expect(error.option).toBe(name);
    expect(error.message).toBe(
      `SecretsModule option ${name} must be a positive number of milliseconds up to 2147483647; got ${THIRTY_DAYS_MS}.`,
    );
  });

  it('tells a numeric string apart and says how to convert it', () => {
    expect(errorOf({ timeoutMs: '30000' }).message).toBe(
      'SecretsModule option timeoutMs must be a positive number of milliseconds up to 2147483647; got the string "30000". Convert environment variables with Number(...).',
    );
  });

  it.each([
    [{ timeoutMs: 'abc' }, 'got a string.'],
    [{ timeoutMs: { ms: 5 } }, 'got an object.'],
    [{ timeoutMs: [5] }, 'got an array.'],
    [{ timeoutMs: Number.NaN }, 'got NaN.'],
    [{ timeoutMs: -1 }, 'got -1.'],
    [{ refreshJitterRatio: 2 }, 'got 2.'],
    [{ cacheMaxEntries: 1.5 }, 'got 1.5.'],
  ])('describes %j safely', (options, received) => {
    expect(errorOf(options).message).toContain(received);
  });

  it('never prints a non-numeric string or an object', () => {
    const text = 'postgres://user:CANARY-opt@host';

    const messages = [
      errorOf({ timeoutMs: text }).message,
      errorOf({ refreshMode: text }).message,
      errorOf({ backoffMaxMs: { secret: text } }).message,
    ];

    expect(messages.join('\n')).not.toContain('CANARY-opt');
  });

  it('rejects an unknown refresh mode without the numeric hint', () => {
    const error = errorOf({ refreshMode: 'lists' });

    expect(error.option).toBe('refreshMode');
    expect(error.message).toBe(
      "SecretsModule option refreshMode must be one of 'list', 'describe', 'ttl', 'off'; got a string.",
    );
  });
});
