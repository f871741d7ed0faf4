import {
  CreateSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretsClient, uniqueSecretName } from '../../support/aws.js';
import { startMotoServer, type MotoServer } from '../../support/moto-server.js';

describe('startMotoServer', () => {
  let moto: MotoServer;

  beforeAll(async () => {
    moto = await startMotoServer();
  });

  afterAll(async () => {
    await moto.stop();
  });

  it('listens on a free port of 127.0.0.1', () => {
    expect(moto.endpoint).toBe(`http://127.0.0.1:${moto.port}`);
    expect(moto.port).toBeGreaterThan(0);
  });

  it('serves Secrets Manager, names with a slash included', async () => {
    const client = secretsClient(moto.endpoint);
    const name = uniqueSecretName('team/app/db');
    await client.send(
      new CreateSecretCommand({ Name: name, SecretString: '{"x":1}' }),
    );

    const out = await client.send(
      new GetSecretValueCommand({ SecretId: name }),
    );

    expect(out.SecretString).toBe('{"x":1}');
    expect(out.VersionStages).toEqual(['AWSCURRENT']);
  });

  it('drops every secret on reset()', async () => {
    const client = secretsClient(moto.endpoint);
    await client.send(
      new CreateSecretCommand({ Name: uniqueSecretName(), SecretString: 's' }),
    );

    await moto.reset();

    const out = await client.send(new ListSecretsCommand({}));
    expect(out.SecretList ?? []).toEqual([]);
  });
});

describe('startMotoServer lifecycle', () => {
  it('stops the process, after which the port refuses connections', async () => {
    const moto = await startMotoServer();

    await moto.stop();

    await expect(fetch(`${moto.endpoint}/moto-api/`)).rejects.toThrow();
    await expect(moto.stop()).resolves.toBeUndefined();
  });

  it('names the install command when the executable is missing', async () => {
    await expect(
      startMotoServer({ command: 'moto_server_that_does_not_exist' }),
    ).rejects.toThrow("pip install 'moto[server]==5.2.*'");
  });
});
