import { SecretsError } from './secrets.error.js';

/**
 * The AWS client is not configured, e.g. no region (kind `configuration`): fix
 * the module options or the environment.
 */
export class SecretConfigurationError extends SecretsError {
  override name = 'SecretConfigurationError';
}
