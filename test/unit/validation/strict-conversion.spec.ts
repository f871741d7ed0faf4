import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsString,
  ValidateNested,
} from 'class-validator';
import { describe, expect, it } from 'vitest';
import { resolveSecretsOptions } from '../../../lib/options/resolve-options.js';
import { validateSecret } from '../../../lib/validation/validate-secret.js';

class Db {
  @IsInt() port!: number;
  @IsBoolean() ssl!: boolean;
  @IsString() user!: string;
}

class Pool {
  @IsInt() max!: number;
  @IsBoolean() idle!: boolean;
}

class WithNested {
  @ValidateNested() @Type(() => Pool) pool!: Pool;
  @ValidateNested({ each: true }) @Type(() => Pool) replicas!: Pool[];
  @IsNumber() ratio!: number;
}

class Plain {
  host!: string;
}

class Bytes {
  @IsNotEmpty() value!: Uint8Array;
}

const defaults = resolveSecretsOptions({ logger: false });

async function check(cls: new () => object, plain: Record<string, unknown>) {
  return validateSecret(cls, plain, defaults);
}

function failedPaths(result: Awaited<ReturnType<typeof check>>): string[] {
  return 'issues' in result ? result.issues.map((i) => i.path) : [];
}

describe('strict conversion (the default)', () => {
  it('converts unambiguous strings by the declared type', async () => {
    const result = await check(Db, { port: '5432', ssl: 'false', user: 'u' });

    expect(result).toMatchObject({
      ok: true,
      instance: { port: 5432, ssl: false, user: 'u' },
    });
  });

  it.each([
    ['', 'port'],
    [' ', 'port'],
    ['0x10', 'port'],
    ['1e3', 'port'],
    ['Infinity', 'port'],
    ['12345678901234567890', 'port'],
  ])('leaves port %j as stored, so isInt rejects it', async (port, path) => {
    const result = await check(Db, { port, ssl: true, user: 'u' });

    expect(failedPaths(result)).toEqual([path]);
  });

  it.each(['0', '1', '', 'no', 'TRUE', ' true'])(
    'leaves ssl %j as stored, so isBoolean rejects it',
    async (ssl) => {
      const result = await check(Db, { port: 1, ssl, user: 'u' });

      expect(failedPaths(result)).toEqual(['ssl']);
    },
  );

  it.each([123, true])(
    'does not turn %j into a string for isString',
    async (user) => {
      const result = await check(Db, { port: 1, ssl: true, user });

      expect(failedPaths(result)).toEqual(['user']);
    },
  );

  it('converts signed decimals with a fraction', async () => {
    const result = await check(WithNested, {
      pool: { max: '10', idle: 'true' },
      replicas: [{ max: '+3', idle: 'false' }],
      ratio: '-0.25',
    });

    expect(result).toMatchObject({
      ok: true,
      instance: {
        pool: { max: 10, idle: true },
        replicas: [{ max: 3, idle: false }],
        ratio: -0.25,
      },
    });
  });

  it('recurses into nested classes and arrays of them, rejecting ambiguity', async () => {
    const result = await check(WithNested, {
      pool: { max: '', idle: '0' },
      replicas: [
        { max: '1', idle: 'true' },
        { max: ' ', idle: 'yes' },
      ],
      ratio: '.5',
    });

    expect(failedPaths(result)).toEqual([
      'pool.max',
      'pool.idle',
      'replicas.1.max',
      'replicas.1.idle',
      'ratio',
    ]);
  });

  it('leaves the choice to a user who enables implicit conversion', async () => {
    const options = resolveSecretsOptions({
      logger: false,
      transformOptions: { enableImplicitConversion: true },
    });

    const result = await validateSecret(
      Db,
      { port: '', ssl: 'false', user: 123 },
      options,
    );

    // class-transformer's own (loose) conversion, as asked for.
    expect(result).toMatchObject({
      ok: true,
      instance: { port: 0, ssl: true, user: '123' },
    });
  });
});

describe('classes and values the defaults accept', () => {
  it('accepts a class without any class-validator rule', async () => {
    const result = await check(Plain, { host: 'h' });

    expect(result).toMatchObject({ ok: true, instance: { host: 'h' } });
  });

  it('reports a rule of the object itself with an empty path', async () => {
    const options = resolveSecretsOptions({
      logger: false,
      validatorOptions: { forbidUnknownValues: true },
    });

    const result = await validateSecret(Plain, { host: 'h' }, options);

    expect(result).toEqual({
      ok: false,
      issues: [{ path: '', rules: ['unknownValue'] }],
    });
  });

  it('keeps bytes exactly, non-UTF-8 included, in a copy', async () => {
    const bytes = new Uint8Array([0x00, 0xff, 0xfe, 0xc3, 0x28, 0x80]);

    const result = await check(Bytes, { value: bytes });

    expect(result.ok).toBe(true);
    const { value } = (result as { instance: Bytes }).instance;
    expect(value).toBeInstanceOf(Uint8Array);
    expect([...value]).toEqual([...bytes]);
    expect(value).not.toBe(bytes);
  });
});
