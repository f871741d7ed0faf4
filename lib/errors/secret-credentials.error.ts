import { SecretsError } from './secrets.error.js';

/**
 * AWS rejected or could not find the credentials (kind `credentials`): a
 * credentials problem, not a secret problem.
 */
export class SecretCredentialsError extends SecretsError {
  override name = 'SecretCredentialsError';
}
