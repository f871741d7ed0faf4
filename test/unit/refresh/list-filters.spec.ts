import { describe, expect, it } from 'vitest';
import {
  isListedSecret,
  nameFilterPrefix,
  planNameFilters,
} from '../../../lib/refresh/detectors/list-filters.js';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:';

describe('nameFilterPrefix', () => {
  it('uses a name as is', () => {
    expect(nameFilterPrefix('prod/db')).toBe('prod/db');
  });

  it('takes the name out of a full ARN, without the random suffix', () => {
    expect(nameFilterPrefix(`${ARN}prod/db-AbC123`)).toBe('prod/db');
  });

  it('always yields a prefix of the real name, even for a partial ARN', () => {
    // A partial ARN of a name that ends like a suffix: "my-secret".
    const prefix = nameFilterPrefix(`${ARN}my-secret`);

    expect('my-secret'.startsWith(prefix)).toBe(true);
  });
});

describe('isListedSecret', () => {
  const entry = { Name: 'prod/db', ARN: `${ARN}prod/db-AbC123` };

  it('matches by name, full ARN or partial ARN', () => {
    expect(isListedSecret('prod/db', entry)).toBe(true);
    expect(isListedSecret(`${ARN}prod/db-AbC123`, entry)).toBe(true);
    expect(isListedSecret(`${ARN}prod/db`, entry)).toBe(true);
  });

  it('does not match a longer name that shares the prefix', () => {
    const other = {
      Name: 'prod/db-replica',
      ARN: `${ARN}prod/db-replica-XyZ789`,
    };

    expect(isListedSecret('prod/db', other)).toBe(false);
    expect(isListedSecret(`${ARN}prod/db`, other)).toBe(false);
    expect(isListedSecret(`${ARN}prod/db-AbC123`, other)).toBe(false);
  });

  it('does not match the same name in another account', () => {
    const arn = 'arn:aws:secretsmanager:us-east-1:999999999999:secret:prod/db';

    expect(isListedSecret(arn, entry)).toBe(false);
  });
});

describe('planNameFilters', () => {
  it('puts up to ten values in one call and drops covered ones', () => {
    const groups = planNameFilters(['b', 'app/db', 'app/db/replica', 'c', 'c']);

    expect(groups).toEqual([['app/db', 'b', 'c']]);
  });

  it('merges 100 numbered names into one call by common prefixes', () => {
    const names = Array.from(
      { length: 100 },
      (_, i) => `bench/secret-${String(i).padStart(3, '0')}`,
    );

    const groups = planNameFilters(names);

    expect(groups).toHaveLength(1);
    expect(groups[0]).toHaveLength(10);
    for (const name of names) {
      expect(groups[0].some((value) => name.startsWith(value))).toBe(true);
    }
  });

  it('splits unrelated names into calls of at most ten values', () => {
    const names = Array.from(
      { length: 25 },
      (_, i) => String.fromCharCode(65 + i) + 'x',
    );

    const groups = planNameFilters(names);

    expect(groups.map((g) => g.length)).toEqual([10, 10, 5]);
    expect(groups.flat().sort()).toEqual([...names].sort());
  });

  it('does not merge into a prefix shorter than the minimum', () => {
    const names = Array.from({ length: 11 }, (_, i) => `ab${i}-svc`);

    expect(planNameFilters(names, { minMergedPrefix: 4 }).flat()).toHaveLength(
      11,
    );
    expect(planNameFilters(names, { minMergedPrefix: 3 })).toHaveLength(1);
  });

  it('keeps every value within the API pattern and length', () => {
    const groups = planNameFilters([
      'prod/a+b=c.d@e-f_g',
      `${'x'.repeat(512)}`,
    ]);

    for (const value of groups.flat()) {
      expect(value).toMatch(/^[a-zA-Z0-9 :_@/+=.\-!]*$/);
      expect(value.length).toBeLessThanOrEqual(512);
    }
  });
});
