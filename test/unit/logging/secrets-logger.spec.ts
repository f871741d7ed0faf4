import { Logger, type LoggerService } from '@nestjs/common';
import { describe, expect, it, vi } from 'vitest';
import { SecretsLogger } from '../../../lib/logging/secrets-logger.js';

function spyLogger() {
  return {
    log: vi.fn(),
    warn: vi.fn(),
    error: vi.fn(),
    debug: vi.fn(),
  } satisfies LoggerService;
}

describe('SecretsLogger', () => {
  it('passes the module context to a custom LoggerService', () => {
    const target = spyLogger();
    const logger = new SecretsLogger(target);
    logger.log('a');
    logger.warn('b');
    logger.debug('c');
    logger.error('d');
    expect(target.log).toHaveBeenCalledWith('a', 'SecretsModule');
    expect(target.warn).toHaveBeenCalledWith('b', 'SecretsModule');
    expect(target.debug).toHaveBeenCalledWith('c', 'SecretsModule');
    expect(target.error).toHaveBeenCalledWith('d', undefined, 'SecretsModule');
  });

  it('lets a Nest Logger use its own context', () => {
    const nest = new Logger('SecretsModule');
    const log = vi.spyOn(nest, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(nest, 'error').mockImplementation(() => undefined);
    const logger = new SecretsLogger(nest);
    logger.log('a');
    logger.error('b');
    expect(log).toHaveBeenCalledWith('a');
    expect(error).toHaveBeenCalledWith('b');
  });

  it('writes nothing when the option is false', () => {
    const logger = new SecretsLogger(false);
    expect(() => {
      logger.log('a');
      logger.warn('b');
      logger.error('c');
      logger.debug('d');
    }).not.toThrow();
  });
});
