import { SecretsError } from './secrets.error.js';

/** The value failed the class-validator rules of its class (kind `invalid`). */
export class SecretValidationError extends SecretsError {
  override name = 'SecretValidationError';
}
