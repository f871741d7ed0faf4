import { SecretsError } from './secrets.error.js';

/**
 * The secret does not exist or is scheduled for deletion (kinds `not-found`,
 * `marked-for-deletion`).
 */
export class SecretNotFoundError extends SecretsError {
  override name = 'SecretNotFoundError';
}
