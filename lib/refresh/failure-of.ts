import type { SecretErrorKind } from '../errors/error-kind.js';
import { SecretsError } from '../errors/secrets.error.js';
import {
  awsErrorCode,
  classifyAwsError,
} from '../source/aws/classify-aws-error.js';

/** Kind and AWS code of an error from a detector or a source. */
export function failureOf(error: unknown): {
  readonly kind: SecretErrorKind;
  readonly code?: string;
} {
  if (error instanceof SecretsError) {
    return { kind: error.kind, code: error.code };
  }
  return { kind: classifyAwsError(error), code: awsErrorCode(error) };
}
