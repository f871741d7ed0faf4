import { benchClient } from '../support/aws-client.js';
import { getJsonSecret } from './get-secret-value.js';

/**
 * The loop of the Ruby example in the seed notes: one `GetSecretValue`
 * after another, each parsed as JSON. Fresh client per run.
 */
export async function loadSequentially(
  endpoint: string,
  ids: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const client = benchClient(endpoint);
  const values = new Map<string, Record<string, unknown>>();
  try {
    for (const id of ids) values.set(id, await getJsonSecret(client, id));
  } finally {
    client.destroy();
  }
  return values;
}
