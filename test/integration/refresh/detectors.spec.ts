import {
  CreateSecretCommand,
  PutSecretValueCommand,
  UpdateSecretVersionStageCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { toSecretRequest } from '../../../lib/declaration/request-key.js';
import { DescribeDetector } from '../../../lib/refresh/detectors/describe.detector.js';
import { FallbackDetector } from '../../../lib/refresh/detectors/fallback.detector.js';
import { ListSecretsDetector } from '../../../lib/refresh/detectors/list-secrets.detector.js';
import { TtlDetector } from '../../../lib/refresh/detectors/ttl.detector.js';
import type { VersionDetector } from '../../../lib/refresh/detectors/version-detector.interface.js';
import { secretsClient } from '../../support/aws.js';
import { useMotoServer } from '../../support/moto-fixture.js';

let client: SecretsManagerClient;
const calls: string[] = [];
const recordCall = (operation: string) => calls.push(operation);

useMotoServer((moto) => {
  client = secretsClient(moto.endpoint);
});
afterAll(() => client?.destroy());

function unique(prefix: string): string {
  return `${prefix}/${randomUUID().slice(0, 8)}`;
}

async function create(name: string): Promise<{ arn: string; version: string }> {
  const out = await client.send(
    new CreateSecretCommand({
      Name: name,
      SecretString: JSON.stringify({ password: `CANARY-${randomUUID()}` }),
    }),
  );
  return { arn: out.ARN!, version: out.VersionId! };
}

async function current(detector: VersionDetector, secretId: string) {
  const request = toSecretRequest(secretId);
  const result = await detector.detect([request]);
  const detection = result.get(request.key);
  if (!detection?.ok) throw new Error(`detection failed for ${secretId}`);
  return detection.versionId;
}

const detectors: Array<[string, () => VersionDetector]> = [
  [
    'ListSecrets',
    () => new ListSecretsDetector(client, { timeoutMs: 5000, recordCall }),
  ],
  [
    'DescribeSecret',
    () => new DescribeDetector(client, { timeoutMs: 5000, recordCall }),
  ],
];

describe.each(detectors)('%s detection against moto', (_, make) => {
  it('sees AWSCURRENT move after PutSecretValue', async () => {
    const name = unique('put');
    const { version } = await create(name);
    const detector = make();
    expect(await current(detector, name)).toBe(version);

    const put = await client.send(
      new PutSecretValueCommand({
        SecretId: name,
        SecretString: JSON.stringify({ password: `CANARY-${randomUUID()}` }),
      }),
    );

    expect(await current(detector, name)).toBe(put.VersionId);
  });

  it('never reports AWSPENDING as current during a staged rotation', async () => {
    const name = unique('staged');
    const { version: oldVersion } = await create(name);
    const detector = make();

    const pending = await client.send(
      new PutSecretValueCommand({
        SecretId: name,
        SecretString: JSON.stringify({ password: `CANARY-${randomUUID()}` }),
        VersionStages: ['AWSPENDING'],
      }),
    );
    expect(await current(detector, name)).toBe(oldVersion);

    await client.send(
      new UpdateSecretVersionStageCommand({
        SecretId: name,
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: pending.VersionId,
        RemoveFromVersionId: oldVersion,
      }),
    );
    expect(await current(detector, name)).toBe(pending.VersionId);
  });

  it('finds a secret declared by its full ARN', async () => {
    const name = unique('arn');
    const { arn, version } = await create(name);

    expect(await current(make(), arn)).toBe(version);
  });
});

describe('ListSecrets against moto', () => {
  it('covers many secrets in one call and pages past 100 entries', async () => {
    const prefix = unique('many');
    const names = Array.from({ length: 105 }, (_, i) => `${prefix}/s${i}`);
    const created = new Map<string, string>();
    for (const name of names) created.set(name, (await create(name)).version);
    const detector = new ListSecretsDetector(client, {
      timeoutMs: 5000,
      recordCall,
    });
    calls.length = 0;

    const requests = names.map((name) => toSecretRequest(name));
    const result = await detector.detect(requests);

    for (const request of requests) {
      expect(result.get(request.key)).toEqual({
        ok: true,
        versionId: created.get(request.secretId),
      });
    }
    // 105 names merge into one filter; 105 entries take two pages.
    expect(calls).toEqual(['ListSecrets', 'ListSecrets']);
  });

  it('treats name filter values as case-sensitive prefixes', async () => {
    const name = unique('Case');
    const { version } = await create(name);
    const lower = name.toLowerCase();
    const detector = new ListSecretsDetector(client, { timeoutMs: 5000 });

    const result = await detector.detect([
      toSecretRequest(name),
      toSecretRequest(lower),
    ]);

    expect(result.get(toSecretRequest(name).key)).toEqual({
      ok: true,
      versionId: version,
    });
    expect(result.get(toSecretRequest(lower).key)).toEqual({
      ok: true,
      notListed: true,
    });
  });

  it('describes what the listing misses, through the fallback chain', async () => {
    const name = unique('chain');
    const { version } = await create(name);
    const missing = unique('missing');
    calls.length = 0;
    const chain = new FallbackDetector({
      mode: 'list',
      list: new ListSecretsDetector(client, { timeoutMs: 5000, recordCall }),
      describe: new DescribeDetector(client, { timeoutMs: 5000, recordCall }),
      ttl: new TtlDetector(),
    });

    const result = await chain.detect([
      toSecretRequest(name),
      toSecretRequest(missing),
    ]);

    expect(result.get(toSecretRequest(name).key)).toEqual({
      ok: true,
      versionId: version,
    });
    const miss = result.get(toSecretRequest(missing).key);
    expect(miss?.ok).toBe(false);
    expect(!miss?.ok && (miss?.error as Error).name).toBe(
      'ResourceNotFoundException',
    );
    expect(calls).toEqual(['ListSecrets', 'DescribeSecret']);
  });
});
