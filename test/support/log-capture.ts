import type { LoggerService, LogLevel } from '@nestjs/common';
import { inspect } from 'node:util';
import type { LabelledText } from './canary.js';

/** One recorded log call. */
export interface LogEntry {
  readonly level: LogLevel;
  /** The message, serialized when it was not a string. */
  readonly message: string;
  /** Optional params (context, stack, objects), each serialized deeply. */
  readonly params: readonly string[];
  /** The whole call as one line: `[level] message param…`. */
  readonly line: string;
}

function serialize(value: unknown): string {
  return typeof value === 'string'
    ? value
    : inspect(value, {
        depth: Infinity,
        maxArrayLength: Infinity,
        maxStringLength: Infinity,
        breakLength: Infinity,
      });
}

/**
 * A Nest `LoggerService` that records every call at every level, so that
 * tests can assert on log lines and search them for canaries. Use it with
 * `NestFactory.create(App, { logger: capture })`,
 * `Test.createTestingModule(…).setLogger(capture)` or
 * `app.useLogger(capture)`. Nothing is printed.
 */
export class LogCapture implements LoggerService {
  private readonly recorded: LogEntry[] = [];

  log(message: unknown, ...params: unknown[]): void {
    this.record('log', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.record('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.record('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.record('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.record('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.record('fatal', message, params);
  }

  /** Every call so far, in order. */
  get entries(): readonly LogEntry[] {
    return [...this.recorded];
  }

  /** Calls at one level. */
  ofLevel(level: LogLevel): LogEntry[] {
    return this.recorded.filter((entry) => entry.level === level);
  }

  /** All lines, joined with newlines. */
  text(): string {
    return this.recorded.map((entry) => entry.line).join('\n');
  }

  /** One labelled haystack per line, for `assertNoCanary`. */
  haystacks(label = 'log'): LabelledText[] {
    return this.recorded.map((entry, i) => ({
      where: `${label} line ${i + 1} [${entry.level}]`,
      text: entry.line,
    }));
  }

  /** Forgets every recorded call. */
  clear(): void {
    this.recorded.length = 0;
  }

  private record(level: LogLevel, message: unknown, params: unknown[]) {
    const text = serialize(message);
    const serialized = params.map(serialize);
    const line = [`[${level}]`, text, ...serialized].join(' ');
    this.recorded.push({ level, message: text, params: serialized, line });
  }
}
