import { Logger, type LoggerService } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { resolveSecretsOptions } from '../../../lib/options/resolve-options.js';

describe('resolveSecretsOptions', () => {
  it('applies the documented defaults', () => {
    const resolved = resolveSecretsOptions();
    expect(resolved).toMatchObject({
      timeoutMs: 5000,
      batch: true,
      refreshMode: 'list',
      refreshIntervalMs: 300_000,
      refreshJitterRatio: 0.1,
      maxStalenessMs: 900_000,
      backoffInitialMs: 1000,
      backoffMaxMs: 300_000,
      minRefreshIntervalMs: 1000,
      cacheMaxEntries: 1000,
      transformOptions: { enableImplicitConversion: false },
      validatorOptions: { forbidUnknownValues: false },
    });
    expect(resolved.client).toBeUndefined();
    expect(resolved.localFile).toBeUndefined();
    expect(resolved.logger).toBeInstanceOf(Logger);
    expect(typeof resolved.isAuthFailure).toBe('function');
    expect(resolved.isAuthFailure({ code: '28P01' })).toBe(true);
    expect(resolved.isAuthFailure(new Error('x'))).toBe(false);
  });

  it('keeps user values, including logger false and zero jitter', () => {
    const logger: LoggerService = { log() {}, warn() {}, error() {} };
    expect(resolveSecretsOptions({ logger: false }).logger).toBe(false);
    expect(resolveSecretsOptions({ logger }).logger).toBe(logger);
    const resolved = resolveSecretsOptions({
      timeoutMs: 300,
      batch: false,
      refreshJitterRatio: 0,
      transformOptions: { excludeExtraneousValues: true },
      validatorOptions: { whitelist: true },
    });
    expect(resolved).toMatchObject({
      timeoutMs: 300,
      batch: false,
      refreshJitterRatio: 0,
      transformOptions: {
        enableImplicitConversion: false,
        excludeExtraneousValues: true,
      },
      validatorOptions: { forbidUnknownValues: false, whitelist: true },
    });
  });

  it.each([
    [{ timeoutMs: 0 }, /timeoutMs/],
    [{ refreshIntervalMs: -1 }, /refreshIntervalMs/],
    [{ maxStalenessMs: Number.NaN }, /maxStalenessMs/],
    [{ refreshJitterRatio: 1.5 }, /refreshJitterRatio/],
  ])('rejects %o', (options, message) => {
    expect(() => resolveSecretsOptions(options)).toThrow(message);
  });
});
