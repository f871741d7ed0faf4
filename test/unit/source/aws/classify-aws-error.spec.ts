import { describe, expect, it } from 'vitest';
import {
  awsErrorCode,
  classifyAwsError,
} from '../../../../lib/source/aws/classify-aws-error.js';

function sdkError(name: string, message = '', status?: number): Error {
  const error = new Error(message);
  error.name = name;
  if (status !== undefined) {
    Object.assign(error, { $metadata: { httpStatusCode: status } });
  }
  return error;
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code}`), { code });
}

describe('classifyAwsError', () => {
  it.each([
    [sdkError('ResourceNotFoundException', '', 400), 'not-found'],
    [sdkError('AccessDeniedException', '', 400), 'access-denied'],
    [
      sdkError(
        'InvalidRequestException',
        "You can't perform this operation on the secret because it was marked for deletion.",
        400,
      ),
      'marked-for-deletion',
    ],
    [sdkError('InvalidRequestException', 'Other problem', 400), 'unknown'],
    [sdkError('DecryptionFailure', '', 400), 'decryption-failed'],
    [sdkError('ExpiredTokenException', '', 400), 'credentials'],
    [sdkError('CredentialsProviderError'), 'credentials'],
    [sdkError('UnrecognizedClientException', '', 400), 'credentials'],
    [sdkError('InvalidSignatureException', '', 403), 'credentials'],
    [sdkError('ThrottlingException', '', 400), 'throttled'],
    [sdkError('ThrottlingExceptionSomething', '', 400), 'throttled'],
    [sdkError('InternalServiceError', '', 500), 'server'],
    [sdkError('SomethingElse', '', 503), 'server'],
    [sdkError('AbortError', 'Request aborted'), 'timeout'],
    [sdkError('TimeoutError'), 'timeout'],
    [socketError('ECONNREFUSED'), 'network'],
    [socketError('ECONNRESET'), 'network'],
    // How the SDK reports a dropped connection.
    [
      Object.assign(sdkError('TimeoutError'), { code: 'ECONNRESET' }),
      'network',
    ],
    [new Error('socket hang up'), 'network'],
    [new Error('boom'), 'unknown'],
    ['a string', 'unknown'],
    [undefined, 'unknown'],
    [{ ErrorCode: 'ResourceNotFoundException', Message: 'x' }, 'not-found'],
    [{ ErrorCode: 'DecryptionFailure' }, 'decryption-failed'],
  ] as const)('%o is %s', (error, kind) => {
    expect(classifyAwsError(error)).toBe(kind);
  });
});

describe('awsErrorCode', () => {
  it('takes the SDK name, the socket code, or nothing', () => {
    expect(awsErrorCode(sdkError('ResourceNotFoundException'))).toBe(
      'ResourceNotFoundException',
    );
    expect(awsErrorCode(socketError('ECONNREFUSED'))).toBe('ECONNREFUSED');
    expect(awsErrorCode(new Error('x'))).toBeUndefined();
    expect(awsErrorCode({ ErrorCode: 'AccessDeniedException' })).toBe(
      'AccessDeniedException',
    );
  });
});
