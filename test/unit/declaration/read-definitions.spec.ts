import { describe, expect, it } from 'vitest';
import { readDefinition } from '../../../lib/declaration/read-definitions.js';
import {
  discriminatorOf,
  requestKeyOf,
  toSecretRequest,
} from '../../../lib/declaration/request-key.js';
import { Secret } from '../../../lib/declaration/secret.decorator.js';
import { secretToken } from '../../../lib/secrets.constants.js';

describe('request keys', () => {
  it('default to AWSCURRENT and separate stages and versions', () => {
    expect(requestKeyOf('a')).toBe('a|stage:AWSCURRENT');
    expect(requestKeyOf('a', { versionStage: 'AWSCURRENT' })).toBe(
      'a|stage:AWSCURRENT',
    );
    expect(requestKeyOf('a', { versionStage: 'AWSPENDING' })).toBe(
      'a|stage:AWSPENDING',
    );
    expect(requestKeyOf('a', { versionId: 'v1' })).toBe('a|version:v1');
    expect(toSecretRequest('a', { versionId: 'v1' })).toEqual({
      key: 'a|version:v1',
      secretId: 'a',
      versionId: 'v1',
    });
  });

  it('discriminate class-less tokens by non-default stage, version and key', () => {
    expect(discriminatorOf()).toBeUndefined();
    expect(discriminatorOf({ versionStage: 'AWSCURRENT' })).toBeUndefined();
    expect(discriminatorOf({ versionStage: 'AWSPREVIOUS', key: 'k' })).toBe(
      'stage=AWSPREVIOUS,key=k',
    );
    expect(discriminatorOf({ versionId: 'v1' })).toBe('version=v1');
  });
});

describe('readDefinition', () => {
  it('reads @Secret metadata with defaults', () => {
    const arn = 'arn:aws:secretsmanager:us-east-1:1:secret:prod/db-AbCdEf';
    @Secret(arn)
    class Db {}
    expect(readDefinition(Db)).toEqual({
      id: arn,
      versionStage: 'AWSCURRENT',
      versionId: undefined,
      shape: 'json',
      key: undefined,
      required: true,
      cls: Db,
      token: Db,
      requestKey: `${arn}|stage:AWSCURRENT`,
    });
  });

  it('lets two classes reading keys of one secret share a request', () => {
    @Secret('prod/db', { key: 'username' })
    class User {}
    @Secret('prod/db', { key: 'password' })
    class Password {}
    expect(readDefinition(User).requestKey).toBe(
      readDefinition(Password).requestKey,
    );
  });

  it('builds descriptor tokens with secretToken', () => {
    const def = readDefinition({
      id: 'prod/key',
      shape: 'string',
      versionStage: 'AWSPREVIOUS',
      required: false,
    });
    expect(def.token).toBe(secretToken('prod/key', 'stage=AWSPREVIOUS'));
    expect(def.cls).toBeUndefined();
    expect(def.required).toBe(false);
    expect(def.requestKey).toBe('prod/key|stage:AWSPREVIOUS');
  });

  it('pins a version id without a stage', () => {
    const def = readDefinition({ id: 'a', versionId: 'v1' });
    expect(def.versionStage).toBeUndefined();
    expect(def.requestKey).toBe('a|version:v1');
  });

  it('rejects an undecorated class and a stage with a version id', () => {
    class Plain {}
    expect(() => readDefinition(Plain)).toThrow(/Plain .*@Secret/);
    expect(() =>
      readDefinition({ id: 'a', versionId: 'v', versionStage: 'AWSCURRENT' }),
    ).toThrow(/both versionStage and versionId/);
  });
});
