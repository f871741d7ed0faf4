import { randomBytes } from 'node:crypto';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';

/** Region every test client and secret uses. */
export const TEST_REGION = 'us-east-1';

/** Static credentials moto_server accepts (it checks no signature). */
export const TEST_CREDENTIALS = {
  accessKeyId: 'test',
  secretAccessKey: 'test',
} as const;

/** Settings of a test client. */
export interface TestClientOptions {
  /**
   * SDK attempts per call, first one included. Default: the SDK's own (3).
   * Use `1` to count API calls exactly or to see one fault as one error.
   */
  readonly maxAttempts?: number;
  /**
   * Timeout of one attempt, in milliseconds; it throws a `TimeoutError`.
   * Default: none (the SDK waits forever).
   */
  readonly requestTimeoutMs?: number;
}

/** Builds a `SecretsManagerClient` for moto_server or a fault proxy. */
export function secretsClient(
  endpoint: string,
  options: TestClientOptions = {},
): SecretsManagerClient {
  return new SecretsManagerClient({
    endpoint,
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
    maxAttempts: options.maxAttempts,
    requestHandler:
      options.requestTimeoutMs === undefined
        ? undefined
        : {
            requestTimeout: options.requestTimeoutMs,
            // Without it the SDK only warns when the timeout passes.
            throwOnRequestTimeout: true,
          },
  });
}

/** Environment variables that point the SDK's default chain at `endpoint`. */
export function awsEnv(endpoint: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint,
    AWS_REGION: TEST_REGION,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
  };
}

/** A secret name unique to this process, e.g. `app/db-3f9c1a2b`. */
export function uniqueSecretName(prefix = 'test'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** A value to store: objects become JSON, bytes become `SecretBinary`. */
export type SecretValueInput = string | Uint8Array | object;

function valueFields(value: SecretValueInput) {
  if (typeof value === 'string') return { SecretString: value };
  if (value instanceof Uint8Array) return { SecretBinary: value };
  return { SecretString: JSON.stringify(value) };
}

/** Identity of a stored secret version. */
export interface StoredSecret {
  readonly name: string;
  readonly arn: string;
  readonly versionId: string;
}

/** Creates a secret holding `value` (its first version is AWSCURRENT). */
export async function createSecret(
  client: SecretsManagerClient,
  name: string,
  value: SecretValueInput,
): Promise<StoredSecret> {
  const out = await client.send(
    new CreateSecretCommand({ Name: name, ...valueFields(value) }),
  );
  return { name, arn: out.ARN!, versionId: out.VersionId! };
}

/** Stores a new version and moves AWSCURRENT to it; returns its version id. */
export async function putValue(
  client: SecretsManagerClient,
  secretId: string,
  value: SecretValueInput,
): Promise<string> {
  const out = await client.send(
    new PutSecretValueCommand({ SecretId: secretId, ...valueFields(value) }),
  );
  return out.VersionId!;
}

/** Stores a new version labelled AWSPENDING only; AWSCURRENT stays. */
export async function putPendingValue(
  client: SecretsManagerClient,
  secretId: string,
  value: SecretValueInput,
): Promise<string> {
  const out = await client.send(
    new PutSecretValueCommand({
      SecretId: secretId,
      VersionStages: ['AWSPENDING'],
      ...valueFields(value),
    }),
  );
  return out.VersionId!;
}

/** Version id that holds `stage` now (default AWSCURRENT), if any. */
export async function versionAtStage(
  client: SecretsManagerClient,
  secretId: string,
  stage = 'AWSCURRENT',
): Promise<string | undefined> {
  const out = await client.send(
    new DescribeSecretCommand({ SecretId: secretId }),
  );
  const entries = Object.entries(out.VersionIdsToStages ?? {});
  return entries.find(([, stages]) => stages.includes(stage))?.[0];
}

/** Moves AWSCURRENT to `versionId`; returns the version it left. */
export async function promoteToCurrent(
  client: SecretsManagerClient,
  secretId: string,
  versionId: string,
): Promise<string | undefined> {
  const previous = await versionAtStage(client, secretId);
  await client.send(
    new UpdateSecretVersionStageCommand({
      SecretId: secretId,
      VersionStage: 'AWSCURRENT',
      MoveToVersionId: versionId,
      RemoveFromVersionId: previous,
    }),
  );
  return previous;
}

/** Result of a staged rotation. */
export interface StagedRotation {
  readonly previousVersionId: string | undefined;
  readonly versionId: string;
}

/**
 * Rotates the way a rotation Lambda does: writes AWSPENDING, moves
 * AWSCURRENT to it, then takes AWSPENDING off it, as Secrets Manager does
 * when a rotation finishes. (moto's RotateSecret without a Lambda would
 * leave an empty AWSCURRENT, so tests rotate with this or `putValue`.)
 *
 * moto 5.2 quirk: after `UpdateSecretVersionStage`, `GetSecretValue`
 * without `VersionStage`/`VersionId` and `BatchGetSecretValue` still
 * return the old version (now labelled AWSPREVIOUS); `DescribeSecret`,
 * `ListSecrets` and `GetSecretValue` with `VersionStage: 'AWSCURRENT'` or
 * the new `VersionId` see the move. Real AWS has no such lag. `putValue`
 * rotations do not have this quirk.
 */
export async function stageRotation(
  client: SecretsManagerClient,
  secretId: string,
  value: SecretValueInput,
): Promise<StagedRotation> {
  const versionId = await putPendingValue(client, secretId, value);
  const previousVersionId = await promoteToCurrent(client, secretId, versionId);
  await client.send(
    new UpdateSecretVersionStageCommand({
      SecretId: secretId,
      VersionStage: 'AWSPENDING',
      RemoveFromVersionId: versionId,
    }),
  );
  return { previousVersionId, versionId };
}

/** Schedules deletion, so that reads fail as "marked for deletion". */
export async function markForDeletion(
  client: SecretsManagerClient,
  secretId: string,
): Promise<void> {
  await client.send(
    new DeleteSecretCommand({ SecretId: secretId, RecoveryWindowInDays: 7 }),
  );
}

export { startSilentServer, type SilentServer } from './silent-server.js';
