import {
  CreateSecretCommand,
  PutSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { rdsSecretValue, type RdsSecretValue } from './rds-secret.js';

/** Concurrent CreateSecret calls while seeding; moto handles a few at once. */
const SEED_CONCURRENCY = 8;

/** Runs `work` over `items` with at most `limit` calls in flight. */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/** Creates one RDS-shaped JSON secret per id. */
export async function createRdsSecrets(
  client: SecretsManagerClient,
  ids: readonly string[],
): Promise<void> {
  await eachLimited(ids, SEED_CONCURRENCY, async (id, index) => {
    await client.send(
      new CreateSecretCommand({
        Name: id,
        SecretString: JSON.stringify(rdsSecretValue(index)),
      }),
    );
  });
}

/** Writes `value` as the new AWSCURRENT version, as a rotation does. */
export async function putRdsSecret(
  client: SecretsManagerClient,
  id: string,
  value: RdsSecretValue,
): Promise<void> {
  await client.send(
    new PutSecretValueCommand({
      SecretId: id,
      SecretString: JSON.stringify(value),
    }),
  );
}
