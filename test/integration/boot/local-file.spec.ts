import 'reflect-metadata';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IsInt, IsString } from 'class-validator';
import {
  Secret,
  SecretRef,
  SecretsModule,
  SecretsService,
} from 'nest-aws-secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, compileFailure } from './support/boot-app.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'secrets-boot-local-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function secretsFile(content: object): Promise<string> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(content));
  return file;
}

@Secret('local/db')
class LocalDb {
  @IsString() host!: string;
  @IsInt() port!: number;
}

describe('the local file source', () => {
  it('loads JSON, string and binary values through the same validation', async () => {
    const bytes = Buffer.from([0xff, 0x00, 0x80]);
    const localFile = await secretsFile({
      'local/db': { host: 'localhost', port: '5432' },
      'local/key': 'dev-key',
      'local/bin': { $binary: bytes.toString('base64') },
    });
    const module = await compile({
      imports: [
        SecretsModule.forRoot({
          localFile,
          secrets: [
            LocalDb,
            { id: 'local/key', shape: 'string' },
            { id: 'local/bin', shape: 'binary' },
          ],
        }),
      ],
    });
    const service = module.get(SecretsService);

    expect(service.get(LocalDb)).toMatchObject({
      host: 'localhost',
      port: 5432,
    });
    expect(service.get<string>('local/key').value).toBe('dev-key');
    const bin = service.get<Uint8Array>('local/bin');
    expect(bin).toBeInstanceOf(SecretRef);
    expect([...bin.value]).toEqual([...bytes]);
    expect(service.metadata(LocalDb).versionId).toMatch(/^[0-9a-f]{32}$/);
    await module.close();
  });

  it('fails the boot on an invalid local value like on AWS', async () => {
    const localFile = await secretsFile({
      'local/db': { host: 'localhost', port: 'abc' },
    });
    const error = await compileFailure({
      imports: [SecretsModule.forRoot({ localFile, secrets: [LocalDb] })],
    });
    expect(error.issues).toEqual([
      expect.objectContaining({ kind: 'invalid', path: 'port' }),
    ]);
  });

  it('fails the boot naming the file when it does not exist', async () => {
    const localFile = join(dir, 'absent.json');
    const error = await compileFailure({
      imports: [SecretsModule.forRoot({ localFile, secrets: [LocalDb] })],
    });
    expect(error.message).toContain('absent.json');
    expect(error.issues[0].kind).toBe('not-found');
  });
});
