import {
  DescribeSecretCommand,
  ListSecretsCommand,
  SecretsManagerClient,
  type ListSecretsCommandInput,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toSecretRequest } from '../../../lib/declaration/request-key.js';
import { DescribeDetector } from '../../../lib/refresh/detectors/describe.detector.js';
import { ListSecretsDetector } from '../../../lib/refresh/detectors/list-secrets.detector.js';
import { TtlDetector } from '../../../lib/refresh/detectors/ttl.detector.js';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:';
const sm = mockClient(SecretsManagerClient);
const client = new SecretsManagerClient({ region: 'us-east-1' });

function denied(): Error {
  return Object.assign(new Error('not authorized'), {
    name: 'AccessDeniedException',
  });
}

afterEach(() => {
  sm.reset();
});

describe('ListSecretsDetector', () => {
  it('lists by name prefix, follows NextToken and reads the stage', async () => {
    sm.on(ListSecretsCommand)
      .resolvesOnce({
        SecretList: [
          {
            Name: 'app/db',
            ARN: `${ARN}app/db-AAAAAA`,
            SecretVersionsToStages: {
              v1: ['AWSPREVIOUS'],
              v2: ['AWSCURRENT'],
              v3: ['AWSPENDING'],
            },
          },
        ],
        NextToken: 'page-2',
      })
      .resolvesOnce({
        SecretList: [
          {
            Name: 'app/api',
            ARN: `${ARN}app/api-BBBBBB`,
            SecretVersionsToStages: { k1: ['AWSCURRENT'] },
          },
        ],
      });
    const recordCall = vi.fn();
    const detector = new ListSecretsDetector(client, {
      timeoutMs: 2000,
      recordCall,
    });

    const result = await detector.detect([
      toSecretRequest('app/db'),
      toSecretRequest('app/db', { versionStage: 'AWSPENDING' }),
      toSecretRequest(`${ARN}app/api-BBBBBB`),
    ]);

    expect([...result.values()]).toEqual([
      { ok: true, versionId: 'v2' },
      { ok: true, versionId: 'v3' },
      { ok: true, versionId: 'k1' },
    ]);
    const inputs = sm
      .commandCalls(ListSecretsCommand)
      .map((call) => call.args[0].input as ListSecretsCommandInput);
    expect(inputs).toEqual([
      {
        Filters: [{ Key: 'name', Values: ['app/api', 'app/db'] }],
        MaxResults: 100,
        NextToken: undefined,
      },
      {
        Filters: [{ Key: 'name', Values: ['app/api', 'app/db'] }],
        MaxResults: 100,
        NextToken: 'page-2',
      },
    ]);
    expect(recordCall.mock.calls).toEqual([['ListSecrets'], ['ListSecrets']]);
  });

  it('bounds each call with an abort signal', async () => {
    sm.on(ListSecretsCommand).resolves({ SecretList: [] });
    const detector = new ListSecretsDetector(client, { timeoutMs: 2000 });

    await detector.detect([toSecretRequest('x')]);

    const args: unknown[] = sm.commandCalls(ListSecretsCommand)[0].args;
    const options = args[1] as { abortSignal?: AbortSignal } | undefined;
    expect(options?.abortSignal).toBeInstanceOf(AbortSignal);
  });

  it('ignores other secrets of the prefix and flags missing ones', async () => {
    sm.on(ListSecretsCommand).resolves({
      SecretList: [
        {
          Name: 'app/db-replica',
          ARN: `${ARN}app/db-replica-CCCCCC`,
          SecretVersionsToStages: { r1: ['AWSCURRENT'] },
        },
      ],
    });
    const detector = new ListSecretsDetector(client, { timeoutMs: 2000 });

    const result = await detector.detect([toSecretRequest('app/db')]);

    expect(result.get(toSecretRequest('app/db').key)).toEqual({
      ok: true,
      notListed: true,
    });
  });

  it('makes no call for versions pinned by id', async () => {
    const detector = new ListSecretsDetector(client, { timeoutMs: 2000 });

    const result = await detector.detect([
      toSecretRequest('app/db', { versionId: 'pinned' }),
    ]);

    expect([...result.values()]).toEqual([{ ok: true, versionId: 'pinned' }]);
    expect(sm.calls()).toHaveLength(0);
  });

  it('reports a failed listing on every secret it covered', async () => {
    sm.on(ListSecretsCommand).rejects(denied());
    const detector = new ListSecretsDetector(client, { timeoutMs: 2000 });

    const result = await detector.detect([
      toSecretRequest('a/one'),
      toSecretRequest('b/two'),
    ]);

    for (const detection of result.values()) {
      expect(detection.ok).toBe(false);
      expect(!detection.ok && (detection.error as Error).name).toBe(
        'AccessDeniedException',
      );
    }
  });
});

describe('DescribeDetector', () => {
  it('reads VersionIdsToStages per secret, one call each', async () => {
    sm.on(DescribeSecretCommand, { SecretId: 'a' })
      .resolves({
        VersionIdsToStages: { a1: ['AWSCURRENT'], a2: ['AWSPENDING'] },
      })
      .on(DescribeSecretCommand, { SecretId: 'b' })
      .rejects(denied());
    const recordCall = vi.fn();
    const detector = new DescribeDetector(client, {
      timeoutMs: 2000,
      recordCall,
    });

    const result = await detector.detect([
      toSecretRequest('a'),
      toSecretRequest('b'),
    ]);

    expect(result.get(toSecretRequest('a').key)).toEqual({
      ok: true,
      versionId: 'a1',
    });
    expect(result.get(toSecretRequest('b').key)?.ok).toBe(false);
    expect(recordCall).toHaveBeenCalledTimes(2);
    expect(recordCall).toHaveBeenCalledWith('DescribeSecret');
  });

  it('leaves the version unknown for a secret scheduled for deletion', async () => {
    sm.on(DescribeSecretCommand).resolves({
      DeletedDate: new Date(),
      VersionIdsToStages: { a1: ['AWSCURRENT'] },
    });
    const detector = new DescribeDetector(client, { timeoutMs: 2000 });

    const result = await detector.detect([toSecretRequest('a')]);

    expect([...result.values()]).toEqual([{ ok: true }]);
  });
});

describe('TtlDetector', () => {
  it('never knows a version, so every value is re-read', async () => {
    const result = await new TtlDetector().detect([
      toSecretRequest('a'),
      toSecretRequest('b', { versionId: 'v9' }),
    ]);

    expect([...result.values()]).toEqual([
      { ok: true, versionId: undefined },
      { ok: true, versionId: 'v9' },
    ]);
  });
});
