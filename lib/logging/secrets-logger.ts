import { Logger, type LoggerService } from '@nestjs/common';
import { SECRETS_LOGGER_CONTEXT } from '../options/resolve-options.js';

/**
 * The module's logger: writes through the `logger` option (Nest's `Logger`
 * by default) or nowhere when it is `false`. Callers pass message texts
 * from `secrets.messages.ts` only, so no value reaches a log line.
 */
export class SecretsLogger {
  // A Nest `Logger` carries its own context; any other LoggerService gets
  // ours as the trailing argument, as Nest's own loggers expect.
  private readonly context: string[];

  constructor(private readonly target: LoggerService | false) {
    this.context = target instanceof Logger ? [] : [SECRETS_LOGGER_CONTEXT];
  }

  /** Lifecycle information. */
  log(message: string): void {
    if (this.target) this.target.log(message, ...this.context);
  }

  /** Details useful when debugging. */
  debug(message: string): void {
    if (this.target) this.target.debug?.(message, ...this.context);
  }

  /** A degraded but working state. */
  warn(message: string): void {
    if (this.target) this.target.warn(message, ...this.context);
  }

  /** A failure; there is never a stack to print, only the message. */
  error(message: string): void {
    if (!this.target) return;
    if (this.context.length === 0) this.target.error(message);
    else this.target.error(message, undefined, ...this.context);
  }
}
