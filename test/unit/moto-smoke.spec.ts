import {
  CreateSecretCommand,
  GetSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMotoServer, type MotoServer } from '../support/moto-server.js';

let moto: MotoServer;
beforeAll(async () => { moto = await startMotoServer(); });
afterAll(async () => { await moto.stop(); });

it('talks to moto', async () => {
  const c = new SecretsManagerClient({ endpoint: moto.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  await c.send(new CreateSecretCommand({ Name: 'a/b', SecretString: '{"x":1}' }));
  const r = await c.send(new GetSecretValueCommand({ SecretId: 'a/b' }));
  expect(r.SecretString).toBe('{"x":1}');
});
