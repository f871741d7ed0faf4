import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsString,
  Matches,
  Max,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { describe, expect, it } from 'vitest';
import { validateSecret } from '../../../lib/validation/validate-secret.js';
import { resolveSecretsOptions } from '../../../lib/options/resolve-options.js';

const CANARY = 'CANARY-validate-55c1';
const options = resolveSecretsOptions({ logger: false });

class Pool {
  @IsInt() @Max(100) max!: number;
}

class DbSecret {
  @IsString() host!: string;
  @IsInt() port!: number;
  @IsString()
  @MinLength(50)
  @Matches(/^x/, { message: 'bad $value' })
  password!: string;
  @ValidateNested() @Type(() => Pool) pool!: Pool;
}

describe('validateSecret', () => {
  it('converts "5432" to 5432 for a number field', async () => {
    const result = await validateSecret(
      DbSecret,
      {
        host: 'h',
        port: '5432',
        password: 'x'.repeat(60),
        pool: { max: '10' },
      },
      options,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.instance).toBeInstanceOf(DbSecret);
    expect(result.instance.port).toBe(5432);
    expect(result.instance.pool).toBeInstanceOf(Pool);
    expect(result.instance.pool.max).toBe(10);
  });

  it('reports every failing path with rule names only', async () => {
    const result = await validateSecret(
      DbSecret,
      { port: 'not-a-port', password: CANARY, pool: { max: 1000 } },
      options,
    );
    expect(result.ok).toBe(false);
    if (result.ok || !('issues' in result)) throw new Error('expected issues');
    expect(result.issues).toEqual([
      { path: 'host', rules: ['isString'] },
      { path: 'port', rules: ['isInt'] },
      { path: 'password', rules: ['matches', 'minLength'] },
      { path: 'pool.max', rules: ['max'] },
    ]);
    expect(JSON.stringify(result)).not.toContain(CANARY);
  });

  it('reports a transform that throws without keeping its error', async () => {
    class Throwing {
      @Type(() => {
        throw new Error(CANARY);
      })
      nested!: object;
    }
    const result = await validateSecret(Throwing, { nested: {} }, options);
    expect(result).toEqual({ ok: false, transformFailed: true });
  });
});
