import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createSecret,
  secretsClient,
  uniqueSecretName,
} from '../../support/aws.js';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.js';
import { useProxiedMoto } from '../../support/moto-fixture.js';
import type { MotoServer } from '../../support/moto-server.js';

let moto: MotoServer;
let proxy: FaultProxy;
// One attempt per send: each fault surfaces as one error and one call.
let client: SecretsManagerClient;
let secretName: string;

useProxiedMoto((aws) => ({ moto, proxy, client } = aws));

beforeAll(async () => {
  secretName = uniqueSecretName('proxy/db');
  await createSecret(secretsClient(moto.endpoint), secretName, 'value-1');
});

afterEach(() => {
  vi.useRealTimers();
  proxy.reset();
});

const getValue = (c = client, secretId = secretName) =>
  c.send(new GetSecretValueCommand({ SecretId: secretId }));

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) =>
      error as {
        name: string;
        code?: string;
        message: string;
        $fault?: string;
        $metadata: { httpStatusCode?: number };
      },
  );

describe('pass-through', () => {
  it('forwards to moto_server and counts calls by operation', async () => {
    const out = await getValue();
    await client.send(new DescribeSecretCommand({ SecretId: secretName }));

    expect(out.SecretString).toBe('value-1');
    expect(proxy.counts()).toEqual({ GetSecretValue: 1, DescribeSecret: 1 });
    expect(proxy.calls()[0]).toMatchObject({
      operation: 'GetSecretValue',
      fault: 'pass',
      secretId: secretName,
    });
  });
});

describe('AWS errors as the SDK sees them', () => {
  it('throttle: ThrottlingException, HTTP 400, "Rate exceeded"', async () => {
    proxy.inject('GetSecretValue', { kind: 'throttle' });

    const error = await failureOf(getValue());

    expect(error.name).toBe('ThrottlingException');
    expect(error.message).toBe('Rate exceeded');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('internal-error: InternalFailure, HTTP 500, a server fault', async () => {
    proxy.inject('GetSecretValue', { kind: 'internal-error' });

    const error = await failureOf(getValue());

    expect(error.name).toBe('InternalFailure');
    expect(error.$metadata.httpStatusCode).toBe(500);
    expect(error.$fault).toBe('server');
  });

  it('access-denied: AccessDeniedException, HTTP 400', async () => {
    proxy.inject('GetSecretValue', { kind: 'access-denied' });

    const error = await failureOf(getValue());

    expect(error.name).toBe('AccessDeniedException');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('aws-error: any modelled error, e.g. DecryptionFailure', async () => {
    proxy.inject('GetSecretValue', {
      kind: 'aws-error',
      status: 400,
      type: 'DecryptionFailure',
      message: 'KMS said no',
    });

    const error = await failureOf(getValue());

    expect(error.name).toBe('DecryptionFailure');
    expect(error.message).toBe('KMS said no');
  });
});

describe('network faults', () => {
  it('drop: the SDK sees a reset connection', async () => {
    proxy.inject('GetSecretValue', { kind: 'drop' });

    const error = await failureOf(getValue());

    expect(error.code).toBe('ECONNRESET');
    expect(error.$metadata.httpStatusCode).toBeUndefined();
  });

  it('hang: the call never answers until the client times out', async () => {
    proxy.inject('GetSecretValue', { kind: 'hang' });
    const timed = secretsClient(proxy.endpoint, {
      maxAttempts: 1,
      requestTimeoutMs: 200,
    });

    const error = await failureOf(getValue(timed));

    expect(error.name).toBe('TimeoutError');
    expect(proxy.count('GetSecretValue')).toBe(1);
  });

  it('delay: answers only once the (fake) clock has moved on', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    proxy.inject('GetSecretValue', { kind: 'delay', ms: 5_000 });
    let settled = false;
    const call = getValue().finally(() => (settled = true));
    await vi.waitFor(() => expect(proxy.count('GetSecretValue')).toBe(1));

    await vi.advanceTimersByTimeAsync(4_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);

    expect((await call).SecretString).toBe('value-1');
  });
});

describe('rules', () => {
  it('applies to N requests, then lets requests through', async () => {
    const rule = proxy.inject(
      'GetSecretValue',
      { kind: 'throttle' },
      { times: 2 },
    );

    const first = await failureOf(getValue());
    const second = await failureOf(getValue());
    const third = await getValue();

    expect([first.name, second.name]).toEqual([
      'ThrottlingException',
      'ThrottlingException',
    ]);
    expect(third.SecretString).toBe('value-1');
    expect(rule.hits).toBe(2);
    expect(rule.remaining).toBe(0);
    expect(proxy.calls().map((c) => c.fault)).toEqual([
      'throttle',
      'throttle',
      'pass',
    ]);
  });

  it('applies until cleared', async () => {
    const rule = proxy.inject('GetSecretValue', { kind: 'internal-error' });
    for (let i = 0; i < 3; i++) await failureOf(getValue());

    rule.clear();

    expect((await getValue()).SecretString).toBe('value-1');
    expect(rule.hits).toBe(3);
  });

  it('matches only its operation, by short or full target name', async () => {
    proxy.inject('secretsmanager.DescribeSecret', { kind: 'access-denied' });

    const described = await failureOf(
      client.send(new DescribeSecretCommand({ SecretId: secretName })),
    );
    const read = await getValue();

    expect(described.name).toBe('AccessDeniedException');
    expect(read.SecretString).toBe('value-1');
  });

  it('matches every operation with *, and one secret with secretId', async () => {
    const other = uniqueSecretName('proxy/other');
    await createSecret(secretsClient(moto.endpoint), other, 'value-2');
    proxy.inject('*', { kind: 'access-denied' }, { secretId: other });

    const denied = await failureOf(getValue(client, other));
    const allowed = await getValue(client, secretName);

    expect(denied.name).toBe('AccessDeniedException');
    expect(allowed.SecretString).toBe('value-1');
  });

  it('tries rules in order: pass first, then the fault', async () => {
    proxy.inject('GetSecretValue', { kind: 'pass' }, { times: 1 });
    proxy.inject('GetSecretValue', { kind: 'throttle' });

    const first = await getValue();
    const second = await failureOf(getValue());

    expect(first.SecretString).toBe('value-1');
    expect(second.name).toBe('ThrottlingException');
  });

  it('clearFaults(operation) removes only that operation', async () => {
    proxy.inject('GetSecretValue', { kind: 'throttle' });
    proxy.inject('DescribeSecret', { kind: 'throttle' });

    proxy.clearFaults('GetSecretValue');

    expect((await getValue()).SecretString).toBe('value-1');
    const described = await failureOf(
      client.send(new DescribeSecretCommand({ SecretId: secretName })),
    );
    expect(described.name).toBe('ThrottlingException');
  });
});

describe('counting', () => {
  it('sees every SDK retry, which is why tests count with maxAttempts: 1', async () => {
    const retrying = secretsClient(proxy.endpoint, { maxAttempts: 3 });
    proxy.inject('GetSecretValue', { kind: 'throttle' }, { times: 1 });

    const out = await getValue(retrying);

    expect(out.SecretString).toBe('value-1');
    expect(out.$metadata.attempts).toBe(2);
    expect(proxy.count('GetSecretValue')).toBe(2);
  });

  it('buckets calls per simulated minute on the fake clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.UTC(2030, 0, 1);
    vi.setSystemTime(start);
    proxy.inject('GetSecretValue', { kind: 'throttle' });

    await failureOf(getValue());
    await failureOf(getValue());
    vi.setSystemTime(start + 150_000);
    await failureOf(getValue());

    expect(proxy.countsPerWindow('GetSecretValue', 60_000, start)).toEqual([
      2, 0, 1,
    ]);
    expect(proxy.count('GetSecretValue', { since: start + 60_000 })).toBe(1);
    expect(proxy.counts({ until: start + 60_000 })).toEqual({
      GetSecretValue: 2,
    });
  });

  it('reset() forgets calls and rules', async () => {
    proxy.inject('GetSecretValue', { kind: 'throttle' });
    await failureOf(getValue());

    proxy.reset();

    expect(proxy.calls()).toEqual([]);
    expect((await getValue()).SecretString).toBe('value-1');
  });
});

describe('close()', () => {
  it('ends hanging requests and stops listening', async () => {
    const own = await startFaultProxy(moto.endpoint);
    const ownClient = secretsClient(own.endpoint, { maxAttempts: 1 });
    own.inject('GetSecretValue', { kind: 'hang' });
    const hanging = failureOf(getValue(ownClient));
    await vi.waitFor(() => expect(own.count('GetSecretValue')).toBe(1));

    await own.close();

    expect((await hanging).code).toBe('ECONNRESET');
    await expect(fetch(own.endpoint)).rejects.toThrow();
  });
});
