import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IsString } from 'class-validator';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import {
  Secret,
  SecretsBootError,
  SecretsModule,
  type SecretDeclaration,
} from 'nest-aws-secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declareBrokenSecrets } from '../../support/broken-secrets.js';
import { useMotoServer } from '../../support/moto-fixture.js';
import { CapturingLogger, compile } from './support/boot-app.js';
import {
  canary,
  createSecret,
  motoClient,
  uniqueName,
} from './support/moto-secrets.js';

let dir: string;
const moto = useMotoServer();
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'secrets-leak-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const canaries: string[] = [];
function c(): string {
  const value = canary();
  canaries.push(value);
  return value;
}

/** Every failure case, each holding canaries, plus one secret that loads. */
async function failingDeclarations(): Promise<SecretDeclaration[]> {
  const client = motoClient(moto.endpoint);
  const ok = uniqueName('leak/ok');
  await createSecret(client, ok, { password: c() });
  @Secret(ok)
  class Ok {
    @IsString() password!: string;
  }
  return [Ok, ...(await declareBrokenSecrets(client, c))];
}

async function localFileDeclarations(): Promise<{
  localFile: string;
  secrets: SecretDeclaration[];
}> {
  const localFile = join(dir, 'broken.json');
  await writeFile(localFile, `{ "leak/local": "${c()}", oops`);
  return { localFile, secrets: [{ id: 'leak/local', shape: 'string' }] };
}

function renderings(error: unknown): string[] {
  const e = error as Error;
  return [
    e.message,
    String(e.stack),
    String(e),
    JSON.stringify(e),
    inspect(e, { depth: 10 }),
  ];
}

function expectNoCanary(texts: string[]): void {
  const all = texts.join('\n');
  for (const value of canaries) expect(all).not.toContain(value);
}

describe('secret values never leak from a failed boot', () => {
  it('through Test.createTestingModule, its logger and the module logger', async () => {
    const secrets = await failingDeclarations();
    const moduleLogger = new CapturingLogger();
    const nestLogger = new CapturingLogger();

    const error = await compile(
      {
        imports: [
          SecretsModule.forRoot({
            client: motoClient(moto.endpoint),
            secrets,
            logger: moduleLogger,
          }),
        ],
      },
      nestLogger,
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SecretsBootError);
    const issues = (error as SecretsBootError).issues;
    expect(new Set(issues.map((i) => i.kind))).toEqual(
      new Set(['not-json', 'invalid', 'wrong-shape']),
    );
    expect(issues).toHaveLength(8);
    expectNoCanary([
      ...renderings(error),
      ...moduleLogger.lines,
      ...nestLogger.lines,
    ]);
  });

  it('through NestFactory.create and the default module logger', async () => {
    const secrets = await failingDeclarations();
    const local = await localFileDeclarations();
    const nestLogger = new CapturingLogger();
    @Module({ imports: [SecretsModule.forRoot({ ...local })] })
    class LocalModule {}
    @Module({
      imports: [
        SecretsModule.forRoot({ client: motoClient(moto.endpoint), secrets }),
      ],
    })
    class AwsModule {}

    const errors: unknown[] = [];
    for (const module of [AwsModule, LocalModule]) {
      errors.push(
        await NestFactory.create(module, {
          abortOnError: false,
          logger: nestLogger,
        }).catch((e: unknown) => e),
      );
    }

    for (const error of errors) expect(error).toBeInstanceOf(SecretsBootError);
    // The capture works: Nest logged both boot errors through it.
    expect(nestLogger.lines.join('\n')).toContain('could not be loaded');
    expectNoCanary([...errors.flatMap(renderings), ...nestLogger.lines]);
  });

  it('nor from the log lines of a boot that succeeds', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('leak/success');
    await createSecret(client, name, { password: c() });
    @Secret(name)
    class Fine {
      @IsString() password!: string;
    }
    const logger = new CapturingLogger();
    const module = await compile(
      { imports: [SecretsModule.forRoot({ client, secrets: [Fine], logger })] },
      logger,
    );
    logger.log(module.get(Fine));
    expect(logger.lines.join('\n')).toContain('Loaded 1 secret');
    expectNoCanary(logger.lines);
    await module.close();
  });
});
