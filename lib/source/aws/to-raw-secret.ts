import type {
  GetSecretValueResponse,
  SecretValueEntry,
} from '@aws-sdk/client-secrets-manager';
import type { SecretRequest } from '../../declaration/secret-definition.js';
import type { RawSecret } from '../raw-secret.js';

/**
 * Converts a `GetSecretValue` answer or a `BatchGetSecretValue` entry into
 * a `RawSecret`. Binary values are kept byte for byte.
 */
export function toRawSecret(
  entry: GetSecretValueResponse | SecretValueEntry,
  request: SecretRequest,
): RawSecret {
  return {
    name: entry.Name ?? request.secretId,
    arn: entry.ARN ?? request.secretId,
    versionId: entry.VersionId ?? '',
    versionStages: entry.VersionStages ?? [],
    secretString: entry.SecretString,
    secretBinary: entry.SecretBinary,
    createdAt: entry.CreatedDate,
  };
}
