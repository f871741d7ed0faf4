import {
  CreateSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { randomUUID } from 'node:crypto';

/** A client for moto_server with dummy credentials. */
export function motoClient(endpoint: string): SecretsManagerClient {
  return new SecretsManagerClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
}

/** A secret name unique to this run, with a `/` in it. */
export function uniqueName(prefix: string): string {
  return `${prefix}/${randomUUID().slice(0, 8)}`;
}

/** A value no log line, message or stack may ever contain. */
export function canary(): string {
  return `CANARY-${randomUUID()}`;
}

/**
 * Creates a secret: objects are stored as JSON, strings as is, bytes as
 * SecretBinary. Returns its ARN.
 */
export async function createSecret(
  client: SecretsManagerClient,
  name: string,
  value: object | string | Uint8Array,
): Promise<string> {
  const input =
    value instanceof Uint8Array
      ? { SecretBinary: value }
      : {
          SecretString:
            typeof value === 'string' ? value : JSON.stringify(value),
        };
  const out = await client.send(
    new CreateSecretCommand({ Name: name, ...input }),
  );
  return out.ARN!;
}
