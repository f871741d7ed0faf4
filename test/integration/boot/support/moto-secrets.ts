import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { randomUUID } from 'node:crypto';
import {
  createSecret as createStoredSecret,
  secretsClient,
  type SecretValueInput,
} from '../../../support/aws.js';
import { makeCanary } from '../../../support/canary.js';

/** A client for moto_server with dummy credentials. */
export function motoClient(endpoint: string): SecretsManagerClient {
  return secretsClient(endpoint);
}

/** A secret name unique to this run, with a `/` in it. */
export function uniqueName(prefix: string): string {
  return `${prefix}/${randomUUID().slice(0, 8)}`;
}

/** A value no log line, message or stack may ever contain. */
export function canary(): string {
  return makeCanary();
}

/**
 * Creates a secret: objects are stored as JSON, strings as is, bytes as
 * SecretBinary. Returns its ARN.
 */
export async function createSecret(
  client: SecretsManagerClient,
  name: string,
  value: SecretValueInput,
): Promise<string> {
  const { arn } = await createStoredSecret(client, name, value);
  return arn;
}
