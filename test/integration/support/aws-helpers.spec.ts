import {
  GetSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import {
  awsEnv,
  createSecret,
  markForDeletion,
  promoteToCurrent,
  putPendingValue,
  putValue,
  secretsClient,
  stageRotation,
  uniqueSecretName,
  versionAtStage,
} from '../../support/aws.js';
import { useMotoServer } from '../../support/moto-fixture.js';

let client: SecretsManagerClient;

useMotoServer((moto) => {
  client = secretsClient(moto.endpoint, { maxAttempts: 1 });
});

const read = (secretId: string, stage?: string) =>
  client.send(
    new GetSecretValueCommand({ SecretId: secretId, VersionStage: stage }),
  );

describe('createSecret', () => {
  it('stores objects as JSON and returns name, ARN and version', async () => {
    const name = uniqueSecretName('app/db');

    const stored = await createSecret(client, name, { port: 5432 });

    const out = await read(stored.arn);
    expect(out.SecretString).toBe('{"port":5432}');
    expect(out.Name).toBe(name);
    expect(out.VersionId).toBe(stored.versionId);
  });

  it('stores strings as they are and bytes as SecretBinary', async () => {
    const bytes = Uint8Array.from([0, 1, 254, 255]);
    const plain = await createSecret(client, uniqueSecretName(), 'plain');
    const binary = await createSecret(client, uniqueSecretName(), bytes);

    expect((await read(plain.name)).SecretString).toBe('plain');
    const out = await read(binary.name);
    expect(out.SecretString).toBeUndefined();
    expect(Array.from(out.SecretBinary ?? [])).toEqual([0, 1, 254, 255]);
  });
});

describe('rotation helpers', () => {
  it('putValue moves AWSCURRENT to the new version', async () => {
    const stored = await createSecret(client, uniqueSecretName(), 'v1');

    const versionId = await putValue(client, stored.name, 'v2');

    expect(versionId).not.toBe(stored.versionId);
    expect(await versionAtStage(client, stored.name)).toBe(versionId);
    expect((await read(stored.name)).SecretString).toBe('v2');
  });

  it('putPendingValue leaves AWSCURRENT where it was', async () => {
    const stored = await createSecret(client, uniqueSecretName(), 'v1');

    const pending = await putPendingValue(client, stored.name, 'v2');

    expect(await versionAtStage(client, stored.name)).toBe(stored.versionId);
    expect(await versionAtStage(client, stored.name, 'AWSPENDING')).toBe(
      pending,
    );
    expect((await read(stored.name)).SecretString).toBe('v1');
    expect((await read(stored.name, 'AWSPENDING')).SecretString).toBe('v2');
  });

  it('promoteToCurrent moves AWSCURRENT and reports the version it left', async () => {
    const stored = await createSecret(client, uniqueSecretName(), 'v1');
    const pending = await putPendingValue(client, stored.name, 'v2');

    const previous = await promoteToCurrent(client, stored.name, pending);

    expect(previous).toBe(stored.versionId);
    expect((await read(stored.name, 'AWSCURRENT')).SecretString).toBe('v2');
    expect(await versionAtStage(client, stored.name, 'AWSPREVIOUS')).toBe(
      stored.versionId,
    );
  });

  it('stageRotation promotes the pending version and clears AWSPENDING', async () => {
    const stored = await createSecret(client, uniqueSecretName(), { v: 1 });

    const rotation = await stageRotation(client, stored.name, { v: 2 });

    expect(rotation.previousVersionId).toBe(stored.versionId);
    const current = await read(stored.name, 'AWSCURRENT');
    expect(current.SecretString).toBe('{"v":2}');
    expect(current.VersionId).toBe(rotation.versionId);
    expect(current.VersionStages).toEqual(['AWSCURRENT']);
    expect(
      await versionAtStage(client, stored.name, 'AWSPENDING'),
    ).toBeUndefined();
  });

  // Pins the moto quirk documented on stageRotation, so that tests of staged
  // rotation know which reads lag behind (and learn when moto fixes it).
  it('moto: a read without a stage still returns the old version after a staged rotation', async () => {
    const stored = await createSecret(client, uniqueSecretName(), 'v1');

    await stageRotation(client, stored.name, 'v2');

    const unstaged = await read(stored.name);
    expect(unstaged.SecretString).toBe('v1');
    expect(unstaged.VersionStages).toEqual(['AWSPREVIOUS']);
  });
});

describe('markForDeletion', () => {
  it('makes reads fail with InvalidRequestException', async () => {
    const stored = await createSecret(client, uniqueSecretName(), 'v1');

    await markForDeletion(client, stored.name);

    await expect(read(stored.name)).rejects.toMatchObject({
      name: 'InvalidRequestException',
    });
  });
});

describe('awsEnv and uniqueSecretName', () => {
  it('points the SDK environment variables at an endpoint', () => {
    expect(awsEnv('http://127.0.0.1:1')).toEqual({
      AWS_ENDPOINT_URL_SECRETS_MANAGER: 'http://127.0.0.1:1',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    });
  });

  it('gives distinct names with the prefix kept', () => {
    const names = new Set(
      Array.from({ length: 50 }, () => uniqueSecretName('a/b')),
    );
    expect(names.size).toBe(50);
    for (const name of names) expect(name.startsWith('a/b-')).toBe(true);
  });
});
