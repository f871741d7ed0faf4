import {
  CreateSecretCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';

/** Region and dummy credentials moto_server accepts. */
export const DEMO_AWS_ENV = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'demo',
  AWS_SECRET_ACCESS_KEY: 'demo',
} as const;

/**
 * Writes the demo's secrets to moto_server through the AWS SDK, as an
 * operator or a rotation function would.
 */
export class DemoSecrets {
  private readonly client: SecretsManagerClient;

  constructor(endpoint: string) {
    this.client = new SecretsManagerClient({
      endpoint,
      region: DEMO_AWS_ENV.AWS_REGION,
      credentials: {
        accessKeyId: DEMO_AWS_ENV.AWS_ACCESS_KEY_ID,
        secretAccessKey: DEMO_AWS_ENV.AWS_SECRET_ACCESS_KEY,
      },
    });
  }

  /** Creates a secret; returns the version id of its first value. */
  async create(id: string, value: string | object): Promise<string> {
    const out = await this.client.send(
      new CreateSecretCommand({ Name: id, SecretString: encode(value) }),
    );
    return versionOf(out.VersionId, id);
  }

  /**
   * Writes a new value and moves `AWSCURRENT` to it, the way a finished
   * rotation does; returns the new version id.
   */
  async put(id: string, value: string | object): Promise<string> {
    const out = await this.client.send(
      new PutSecretValueCommand({ SecretId: id, SecretString: encode(value) }),
    );
    return versionOf(out.VersionId, id);
  }

  /** Releases the client's sockets. */
  close(): void {
    this.client.destroy();
  }
}

function encode(value: string | object): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function versionOf(versionId: string | undefined, id: string): string {
  if (!versionId) throw new Error(`No version id returned for ${id}`);
  return versionId;
}
