import { SecretsError } from './secrets.error.js';

/** The value is not of the declared shape (kinds `wrong-shape`, `not-json`). */
export class SecretParseError extends SecretsError {
  override name = 'SecretParseError';
}
