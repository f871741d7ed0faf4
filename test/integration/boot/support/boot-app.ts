import type { LoggerService, ModuleMetadata } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { SecretsBootError } from 'nest-aws-secrets';
import { expect } from 'vitest';

/** A LoggerService that keeps every line it receives. */
export class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  private keep = (...args: unknown[]) => {
    this.lines.push(args.map((a) => String(a)).join(' '));
  };
  log = this.keep;
  error = this.keep;
  warn = this.keep;
  debug = this.keep;
  verbose = this.keep;
  fatal = this.keep;
}

/** A LoggerService that drops everything. */
const silent: LoggerService = { log() {}, error() {}, warn() {} };

/** Compiles a testing module with the given metadata. */
export function compile(
  metadata: ModuleMetadata,
  logger: LoggerService = silent,
): Promise<TestingModule> {
  return Test.createTestingModule(metadata).setLogger(logger).compile();
}

/** Compiles a testing module that must fail, and returns its boot error. */
export async function compileFailure(
  metadata: ModuleMetadata,
  logger: LoggerService = silent,
): Promise<SecretsBootError> {
  const error = await compile(metadata, logger).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SecretsBootError);
  return error as SecretsBootError;
}
