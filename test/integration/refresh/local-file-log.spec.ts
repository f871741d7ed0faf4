import 'reflect-metadata';
import { IsString } from 'class-validator';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, SecretsModule } from 'nest-aws-secrets';
import { afterEach, describe, expect, it } from 'vitest';
import { CapturingLogger, compile } from '../boot/support/boot-app.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the refresh start line with a local file', () => {
  it('says the file is watched and re-read, not "list mode"', async () => {
    dir = await mkdtemp(join(tmpdir(), 'secrets-log-'));
    const file = join(dir, 'secrets.json');
    await writeFile(file, JSON.stringify({ 'local/db': { host: 'h' } }));

    @Secret('local/db')
    class Db {
      @IsString() host!: string;
    }
    const logger = new CapturingLogger();
    const module = await compile(
      {
        imports: [
          SecretsModule.forRoot({
            localFile: file,
            logger,
            refreshIntervalMs: 60_000,
            secrets: [Db],
          }),
        ],
      },
      logger,
    );
    await module.init();

    const line = logger.lines.find((l) => l.startsWith('Refreshing'));
    expect(line).toBe(
      `Refreshing 1 secret(s): watching the local file ${file} for changes, and re-reading each secret every 60000 ms (jittered). SecretsModule`,
    );
    expect(line).not.toContain('list mode');
    await module.close();
  });
});
