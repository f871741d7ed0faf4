import {
  BatchGetSecretValueCommand,
  GetSecretValueCommand,
  SecretsManagerClient,
  type BatchGetSecretValueCommandInput,
  type GetSecretValueCommandInput,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toSecretRequest } from '../../../../lib/declaration/request-key.js';
import { SecretsLogger } from '../../../../lib/logging/secrets-logger.js';
import { AwsSecretSource } from '../../../../lib/source/aws/aws-secret-source.js';
import { SecretsStats } from '../../../../lib/stats/secrets-stats.js';

const client = new SecretsManagerClient({ region: 'us-east-1' });
const mock = mockClient(client);
afterEach(() => mock.reset());

function setup(settings = { timeoutMs: 1000, batch: true }) {
  const warn = vi.fn();
  const logger = new SecretsLogger({ log: vi.fn(), warn, error: vi.fn() });
  const stats = new SecretsStats();
  const source = new AwsSecretSource(client, settings, stats, logger);
  return { source, stats, warn };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `app/s${i}`);
const requests = (list: string[]) => list.map((id) => toSecretRequest(id));

function entry(id: string) {
  return {
    Name: id,
    ARN: `arn:aws:secretsmanager:us-east-1:1:secret:${id}-AbCdEf`,
    VersionId: `v-${id}`,
    VersionStages: ['AWSCURRENT'],
    SecretString: `{"id":"${id}"}`,
  };
}

function deniedError(): Error {
  const error = new Error('not authorized to perform BatchGetSecretValue');
  error.name = 'AccessDeniedException';
  return error;
}

describe('AwsSecretSource.fetchMany', () => {
  it('batches 45 secrets into concurrent calls of 20, 20 and 5', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    mock.on(BatchGetSecretValueCommand).callsFake(async (input) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setImmediate(r));
      inFlight--;
      const list = (input as BatchGetSecretValueCommandInput).SecretIdList!;
      return { SecretValues: list.map(entry) };
    });
    const { source, stats } = setup();

    const results = await source.fetchMany(requests(ids(45)));

    const sizes = mock
      .commandCalls(BatchGetSecretValueCommand)
      .map((c) => c.args[0].input.SecretIdList!.length);
    expect(sizes).toEqual([20, 20, 5]);
    expect(maxInFlight).toBe(3);
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(0);
    expect(results.size).toBe(45);
    const first = results.get('app/s0|stage:AWSCURRENT');
    expect(first).toMatchObject({
      ok: true,
      raw: { name: 'app/s0', versionId: 'v-app/s0' },
    });
    expect(stats.snapshot().apiCalls).toEqual({ BatchGetSecretValue: 3 });
  });

  it('matches entries by ARN as well as by name', async () => {
    const arn = entry('app/a').ARN;
    mock
      .on(BatchGetSecretValueCommand)
      .resolves({ SecretValues: [entry('app/a')] });
    const { source } = setup();
    const results = await source.fetchMany(requests([arn]));
    expect(results.get(`${arn}|stage:AWSCURRENT`)).toMatchObject({ ok: true });
  });

  it('maps per-secret batch errors to kinds', async () => {
    mock.on(BatchGetSecretValueCommand).resolves({
      SecretValues: [entry('app/ok')],
      Errors: [
        {
          SecretId: 'app/missing',
          ErrorCode: 'ResourceNotFoundException',
          Message: "Secrets Manager can't find the specified secret.",
        },
      ],
    });
    const { source } = setup();
    const results = await source.fetchMany(requests(['app/ok', 'app/missing']));
    const missing = results.get('app/missing|stage:AWSCURRENT');
    expect(missing).toMatchObject({
      ok: false,
      error: {
        kind: 'not-found',
        secretId: 'app/missing',
        code: 'ResourceNotFoundException',
      },
    });
  });

  it('reads ids the batch answer did not name one by one', async () => {
    mock.on(BatchGetSecretValueCommand).resolves({ SecretValues: [] });
    mock
      .on(GetSecretValueCommand)
      .callsFake((input) =>
        entry((input as GetSecretValueCommandInput).SecretId!),
      );
    const { source } = setup();
    const results = await source.fetchMany(requests(['partial-arn']));
    expect(results.get('partial-arn|stage:AWSCURRENT')).toMatchObject({
      ok: true,
    });
  });

  it('falls back to GetSecretValue per secret when the batch is denied, logging once', async () => {
    mock.on(BatchGetSecretValueCommand).rejects(deniedError());
    mock
      .on(GetSecretValueCommand)
      .callsFake((input) =>
        entry((input as GetSecretValueCommandInput).SecretId!),
      );
    const { source, warn, stats } = setup();

    const results = await source.fetchMany(requests(ids(30)));
    await source.fetchMany(requests(ids(3)));

    expect([...results.values()].every((r) => r.ok)).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/BatchGetSecretValue was denied/);
    // Both chunks of the first boot were tried; later loads skip the batch.
    expect(stats.snapshot().apiCalls).toEqual({
      BatchGetSecretValue: 2,
      GetSecretValue: 33,
    });
  });

  it('fails every secret of a chunk with the kind of the batch error', async () => {
    const throttled = new Error('Rate exceeded');
    throttled.name = 'ThrottlingException';
    mock.on(BatchGetSecretValueCommand).rejects(throttled);
    const { source } = setup();
    const results = await source.fetchMany(requests(['a', 'b']));
    for (const id of ['a', 'b']) {
      expect(results.get(`${id}|stage:AWSCURRENT`)).toMatchObject({
        ok: false,
        error: { kind: 'throttled', secretId: id },
      });
    }
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });

  it('reads stages and pinned versions with GetSecretValue, not the batch', async () => {
    mock
      .on(GetSecretValueCommand)
      .callsFake((input) =>
        entry((input as GetSecretValueCommandInput).SecretId!),
      );
    const { source } = setup();
    await source.fetchMany([
      toSecretRequest('a', { versionStage: 'AWSPREVIOUS' }),
      toSecretRequest('b', { versionId: 'v-1' }),
    ]);
    expect(mock.commandCalls(BatchGetSecretValueCommand)).toHaveLength(0);
    const inputs = mock
      .commandCalls(GetSecretValueCommand)
      .map((c) => c.args[0].input);
    expect(inputs).toEqual([
      { SecretId: 'a', VersionStage: 'AWSPREVIOUS', VersionId: undefined },
      { SecretId: 'b', VersionStage: undefined, VersionId: 'v-1' },
    ]);
  });

  it('uses GetSecretValue only when batch is off', async () => {
    mock
      .on(GetSecretValueCommand)
      .callsFake((input) =>
        entry((input as GetSecretValueCommandInput).SecretId!),
      );
    const { source } = setup({ timeoutMs: 1000, batch: false });
    await source.fetchMany(requests(ids(3)));
    expect(mock.commandCalls(BatchGetSecretValueCommand)).toHaveLength(0);
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(3);
  });
});

describe('AwsSecretSource.fetchOne', () => {
  it('keeps binary values byte for byte', async () => {
    const bytes = new Uint8Array([0, 255, 128, 7]);
    mock.on(GetSecretValueCommand).resolves({
      Name: 'bin',
      ARN: 'arn:bin',
      VersionId: 'v1',
      VersionStages: ['AWSCURRENT'],
      SecretBinary: bytes,
    });
    const { source } = setup();
    const raw = await source.fetchOne(toSecretRequest('bin'));
    expect(raw.secretBinary).toEqual(bytes);
    expect(raw.secretString).toBeUndefined();
  });

  it('rejects with a SecretsError naming the secret, with the SDK error as cause', async () => {
    const sdk = new Error('Secrets Manager cannot find it');
    sdk.name = 'ResourceNotFoundException';
    mock.on(GetSecretValueCommand).rejects(sdk);
    const { source } = setup();
    const error = await source
      .fetchOne(toSecretRequest('app/x'))
      .catch((e) => e);
    expect(error).toMatchObject({
      name: 'SecretNotFoundError',
      kind: 'not-found',
      secretId: 'app/x',
      code: 'ResourceNotFoundException',
    });
    expect(error.message).toContain('"app/x"');
    expect(error.cause).toBe(sdk);
  });

  it('aborts a call that does not answer within timeoutMs', async () => {
    // A client that only ever answers by honouring the abort signal.
    const hanging = {
      send: (_command: unknown, options: { abortSignal: AbortSignal }) =>
        new Promise((_resolve, reject) => {
          options.abortSignal.addEventListener('abort', () => {
            const abort = new Error('Request aborted');
            abort.name = 'AbortError';
            reject(abort);
          });
        }),
    } as unknown as SecretsManagerClient;
    const source = new AwsSecretSource(
      hanging,
      { timeoutMs: 20, batch: true },
      new SecretsStats(),
      new SecretsLogger(false),
    );
    const error = await source
      .fetchOne(toSecretRequest('app/slow'))
      .catch((e) => e);
    expect(error).toMatchObject({ kind: 'timeout', secretId: 'app/slow' });
    expect(error.message).toContain('"app/slow"');
    expect(error.message).toContain('20 ms');
  });
});
