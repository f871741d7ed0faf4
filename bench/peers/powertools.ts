import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { benchClient } from '../support/aws-client.js';

/** Powertools' documented default cache age, in seconds. */
export const POWERTOOLS_DEFAULT_MAX_AGE_S = 5;

/**
 * A Powertools `SecretsProvider` on its own client. `getSecret` is this
 * provider's `get` on a module-wide default instance; building one per run
 * gives each boot a cold cache and fresh sockets, as a new process has.
 */
export function powertoolsProvider(endpoint: string): SecretsProvider {
  return new SecretsProvider({ awsSdkV3Client: benchClient(endpoint) });
}

/** Loads every secret as JSON with Powertools, all at once. */
export async function loadWithPowertools(
  endpoint: string,
  ids: readonly string[],
): Promise<unknown[]> {
  const provider = powertoolsProvider(endpoint);
  try {
    return await Promise.all(
      ids.map((id) => provider.get(id, { transform: 'json' })),
    );
  } finally {
    provider.client.destroy();
  }
}
