import {
  GetSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';

/** Reads one JSON secret with `GetSecretValue` and parses it. */
export async function getJsonSecret(
  client: SecretsManagerClient,
  id: string,
): Promise<Record<string, unknown>> {
  const answer = await client.send(new GetSecretValueCommand({ SecretId: id }));
  return JSON.parse(answer.SecretString ?? '{}') as Record<string, unknown>;
}
