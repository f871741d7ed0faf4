import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  secretsClient,
  startSilentServer,
  type SilentServer,
} from '../../support/aws.js';

describe('startSilentServer', () => {
  let server: SilentServer;

  beforeEach(async () => {
    server = await startSilentServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('accepts the connection and never answers, so the SDK times out', async () => {
    const client = secretsClient(server.endpoint, {
      maxAttempts: 1,
      requestTimeoutMs: 200,
    });

    await expect(
      client.send(new GetSecretValueCommand({ SecretId: 'any' })),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(server.connections).toBe(1);
  });

  it('leaves a call pending until its abort signal fires', async () => {
    const client = secretsClient(server.endpoint, { maxAttempts: 1 });
    const controller = new AbortController();
    const call = client.send(new GetSecretValueCommand({ SecretId: 'any' }), {
      abortSignal: controller.signal,
    });
    let settled = false;
    void call.then(
      () => (settled = true),
      () => (settled = true),
    );
    await expect.poll(() => server.connections).toBe(1);

    expect(settled).toBe(false);
    controller.abort();

    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });
});
