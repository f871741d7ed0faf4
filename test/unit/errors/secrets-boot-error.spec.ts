import { describe, expect, it } from 'vitest';
import { createSecretsError } from '../../../lib/errors/create-secrets-error.js';
import type { SecretErrorKind } from '../../../lib/errors/error-kind.js';
import { SecretsBootError } from '../../../lib/errors/secrets-boot.error.js';
import { SecretsError } from '../../../lib/errors/secrets.error.js';

describe('SecretsBootError', () => {
  it('lists one issue per line after a header', () => {
    const error = new SecretsBootError([
      {
        secretId: 'a',
        kind: 'not-found',
        required: true,
        message: 'A missing.',
      },
      {
        secretId: 'b',
        kind: 'invalid',
        path: 'port',
        rules: ['isInt'],
        required: true,
        message: 'B invalid.',
      },
    ]);
    expect(error.name).toBe('SecretsBootError');
    expect(error.message.split('\n')).toEqual([
      'Secrets could not be loaded, so the application did not start (2 issues):',
      '  - A missing.',
      '  - B invalid.',
    ]);
    expect(error.issues).toHaveLength(2);
    expect(error).toBeInstanceOf(Error);
  });
});

describe('createSecretsError', () => {
  it.each([
    ['not-found', 'SecretNotFoundError'],
    ['marked-for-deletion', 'SecretNotFoundError'],
    ['access-denied', 'SecretAccessDeniedError'],
    ['decryption-failed', 'SecretAccessDeniedError'],
    ['credentials', 'SecretCredentialsError'],
    ['timeout', 'SecretRetrievalError'],
    ['network', 'SecretRetrievalError'],
    ['wrong-shape', 'SecretParseError'],
    ['not-json', 'SecretParseError'],
    ['invalid', 'SecretValidationError'],
  ] as [SecretErrorKind, string][])('%s builds a %s', (kind, name) => {
    const cause = new Error('sdk');
    const error = createSecretsError('m', {
      kind,
      secretId: 's',
      code: 'C',
      cause,
    });
    expect(error).toBeInstanceOf(SecretsError);
    expect(error.name).toBe(name);
    expect(error).toMatchObject({
      kind,
      secretId: 's',
      code: 'C',
      message: 'm',
    });
    expect(error.cause).toBe(cause);
    expect(Object.keys(error)).not.toContain('cause');
  });
});
