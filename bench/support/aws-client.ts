import {
  SecretsManagerClient,
  type SecretsManagerClientConfig,
} from '@aws-sdk/client-secrets-manager';

/** Client settings for a local moto_server (or the counting proxy). */
export function benchClientConfig(
  endpoint: string,
): SecretsManagerClientConfig {
  return {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
}

/**
 * A new client with its own sockets. Boot runs build one each, so that no
 * side starts with connections another side already opened.
 */
export function benchClient(endpoint: string): SecretsManagerClient {
  return new SecretsManagerClient(benchClientConfig(endpoint));
}

/**
 * Points clients built from the environment (Powertools' default
 * `getSecret` provider) at moto_server, with its test credentials.
 */
export function useLocalAwsEnvironment(endpoint: string): void {
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = endpoint;
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
}
