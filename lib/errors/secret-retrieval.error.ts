import { SecretsError } from './secrets.error.js';

/**
 * The call failed for a transient or unknown reason (kinds `throttled`,
 * `timeout`, `network`, `server`, `unknown`).
 */
export class SecretRetrievalError extends SecretsError {
  override name = 'SecretRetrievalError';
}
