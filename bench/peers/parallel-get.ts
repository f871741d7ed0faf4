import { benchClient } from '../support/aws-client.js';
import { getJsonSecret } from './get-secret-value.js';

/**
 * Every `GetSecretValue` at once through `Promise.all`, each parsed as JSON.
 * Fresh client per run; the SDK's default agent bounds the sockets.
 */
export async function loadInParallel(
  endpoint: string,
  ids: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const client = benchClient(endpoint);
  try {
    const values = await Promise.all(
      ids.map((id) => getJsonSecret(client, id)),
    );
    return new Map(ids.map((id, i) => [id, values[i]]));
  } finally {
    client.destroy();
  }
}
