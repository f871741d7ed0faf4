import type { SecretErrorKind } from './error-kind.js';
import { SecretAccessDeniedError } from './secret-access-denied.error.js';
import { SecretConfigurationError } from './secret-configuration.error.js';
import { SecretCredentialsError } from './secret-credentials.error.js';
import { SecretNotFoundError } from './secret-not-found.error.js';
import { SecretParseError } from './secret-parse.error.js';
import { SecretRetrievalError } from './secret-retrieval.error.js';
import { SecretValidationError } from './secret-validation.error.js';
import { SecretsError, type SecretsErrorOptions } from './secrets.error.js';

type SecretsErrorClass = new (
  message: string,
  options: SecretsErrorOptions,
) => SecretsError;

const FAMILY: Record<SecretErrorKind, SecretsErrorClass> = {
  'not-found': SecretNotFoundError,
  'marked-for-deletion': SecretNotFoundError,
  'access-denied': SecretAccessDeniedError,
  'decryption-failed': SecretAccessDeniedError,
  credentials: SecretCredentialsError,
  configuration: SecretConfigurationError,
  throttled: SecretRetrievalError,
  timeout: SecretRetrievalError,
  network: SecretRetrievalError,
  server: SecretRetrievalError,
  unknown: SecretRetrievalError,
  'wrong-shape': SecretParseError,
  'not-json': SecretParseError,
  invalid: SecretValidationError,
};

/** Builds the `SecretsError` subclass that matches `options.kind`. */
export function createSecretsError(
  message: string,
  options: SecretsErrorOptions,
): SecretsError {
  return new FAMILY[options.kind](message, options);
}
