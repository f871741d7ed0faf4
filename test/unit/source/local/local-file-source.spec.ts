import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toSecretRequest } from '../../../../lib/declaration/request-key.js';
import { LocalFileSecretSource } from '../../../../lib/source/local/local-file-source.js';

const CANARY = 'CANARY-local-3c9d';
let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'secrets-local-'));
  file = join(dir, 'secrets.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const write = (content: unknown) =>
  writeFile(
    file,
    typeof content === 'string' ? content : JSON.stringify(content),
  );

describe('LocalFileSecretSource', () => {
  it('reads objects as JSON, strings as strings and $binary as bytes', async () => {
    const bytes = Buffer.from([0, 0xff, 0x80, 0x41]);
    await write({
      'app/db': { host: 'h', port: 5432 },
      'app/key': 'k-123',
      'app/bin': { $binary: bytes.toString('base64') },
    });
    const source = new LocalFileSecretSource(file);
    const results = await source.fetchMany(
      ['app/db', 'app/key', 'app/bin'].map((id) => toSecretRequest(id)),
    );
    const raw = (id: string) => {
      const result = results.get(`${id}|stage:AWSCURRENT`);
      if (!result?.ok) throw new Error(`no ${id}`);
      return result.raw;
    };
    expect(JSON.parse(raw('app/db').secretString!)).toEqual({
      host: 'h',
      port: 5432,
    });
    expect(raw('app/key').secretString).toBe('k-123');
    expect(raw('app/bin').secretBinary).toEqual(new Uint8Array(bytes));
    expect(raw('app/db').versionStages).toEqual(['AWSCURRENT']);
    expect(raw('app/db').arn).toContain('app/db');
  });

  it('gives a new version id when a value changes, the same otherwise', async () => {
    const source = new LocalFileSecretSource(file);
    await write({ a: 'one', b: 'same' });
    const first = await source.fetchOne(toSecretRequest('a'));
    const b1 = await source.fetchOne(toSecretRequest('b'));
    await write({ a: 'two', b: 'same' });
    const second = await source.fetchOne(toSecretRequest('a'));
    const b2 = await source.fetchOne(toSecretRequest('b'));
    expect(second.versionId).not.toBe(first.versionId);
    expect(b2.versionId).toBe(b1.versionId);
    expect(
      await source.fetchOne(
        toSecretRequest('a', { versionId: second.versionId }),
      ),
    ).toMatchObject({ secretString: 'two' });
  });

  it('reports an absent id, stage or version as not-found', async () => {
    await write({ a: 'x' });
    const source = new LocalFileSecretSource(file);
    for (const request of [
      toSecretRequest('missing'),
      toSecretRequest('a', { versionStage: 'AWSPENDING' }),
      toSecretRequest('a', { versionId: 'nope' }),
    ]) {
      await expect(source.fetchOne(request)).rejects.toMatchObject({
        kind: 'not-found',
        secretId: request.secretId,
      });
    }
  });

  it('reports a missing file per secret, naming the file', async () => {
    const source = new LocalFileSecretSource(join(dir, 'absent.json'));
    const results = await source.fetchMany([toSecretRequest('a')]);
    const result = results.get('a|stage:AWSCURRENT');
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'not-found', code: 'ENOENT', secretId: 'a' },
    });
    if (!result || result.ok) return;
    expect(result.error.message).toContain('absent.json');
  });

  it('reports a file that is not JSON without quoting it', async () => {
    await write(`{ "a": "${CANARY}", oops`);
    const source = new LocalFileSecretSource(file);
    const error = await source.fetchOne(toSecretRequest('a')).catch((e) => e);
    expect(error.kind).toBe('unknown');
    expect(error.code).toBe('LocalFileInvalid');
    expect(
      `${error.message}${error.stack}${JSON.stringify(error)}`,
    ).not.toContain(CANARY);
    expect(error.cause).toBeUndefined();
  });

  it('calls watch listeners when the file changes, until stopped', async () => {
    await write({ a: 'one' });
    const source = new LocalFileSecretSource(file);
    let resolveChange!: () => void;
    const changed = new Promise<void>((r) => (resolveChange = r));
    const stop = source.watch(() => resolveChange());
    await write({ a: 'two' });
    await changed;
    stop();
  });
});
