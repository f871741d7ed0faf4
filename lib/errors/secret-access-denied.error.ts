import { SecretsError } from './secrets.error.js';

/**
 * The role may not read or decrypt the secret (kinds `access-denied`,
 * `decryption-failed`).
 */
export class SecretAccessDeniedError extends SecretsError {
  override name = 'SecretAccessDeniedError';
}
