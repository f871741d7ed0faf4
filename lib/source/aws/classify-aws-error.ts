import type { SecretErrorKind } from '../../errors/error-kind.js';

const CREDENTIAL_CODES: ReadonlySet<string> = new Set([
  'ExpiredTokenException',
  'ExpiredToken',
  'CredentialsProviderError',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'InvalidClientTokenId',
  'MissingAuthenticationToken',
]);

const NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const TIMEOUT_NAMES: ReadonlySet<string> = new Set([
  'AbortError',
  'TimeoutError',
  'RequestTimeout',
]);

// Client configuration errors the SDK throws as plain `Error`s before any
// call, matched on their exact texts and mapped to a code of ours. Only
// these known texts are read: an arbitrary message is never copied.
const CONFIG_ERRORS: readonly (readonly [RegExp, string])[] = [
  [/^Region is missing$/, 'RegionMissing'],
  [/^Region not accepted: /, 'InvalidRegion'],
  [/^Invalid region in client config$/, 'InvalidRegion'],
];

function configCode({ name, message }: ErrorFields): string | undefined {
  if (name !== 'Error') return undefined;
  return CONFIG_ERRORS.find(([pattern]) => pattern.test(message))?.[1];
}

interface ErrorFields {
  readonly name?: string;
  readonly code?: string;
  readonly message: string;
  readonly status?: number;
}

function fieldsOf(error: unknown): ErrorFields {
  if (typeof error !== 'object' || error === null) return { message: '' };
  const e = error as Record<string, unknown>;
  const metadata = e.$metadata as { httpStatusCode?: unknown } | undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const status = metadata?.httpStatusCode;
  return {
    name: str(e.name) ?? str(e.ErrorCode),
    code: str(e.code),
    message: str(e.message) ?? str(e.Message) ?? '',
    status: typeof status === 'number' ? status : undefined,
  };
}

/**
 * The AWS error code of an SDK error (its `name`), a Node socket code, or
 * for a known client configuration error `RegionMissing` or
 * `InvalidRegion`, for messages and health output. `undefined` when there
 * is none.
 */
export function awsErrorCode(error: unknown): string | undefined {
  const fields = fieldsOf(error);
  const { name, code } = fields;
  if (code && NETWORK_CODES.has(code)) return code;
  const config = configCode(fields);
  if (config) return config;
  return name && name !== 'Error' ? name : code;
}

/**
 * Maps an SDK error, a Node socket error, an abort, or a
 * `BatchGetSecretValue` error entry (`{ ErrorCode, Message }`) to a
 * `SecretErrorKind`. The one classifier of the module.
 */
export function classifyAwsError(error: unknown): SecretErrorKind {
  const fields = fieldsOf(error);
  const { name = '', code = '', message, status } = fields;
  if (configCode(fields)) return 'configuration';
  // The SDK names a reset socket `TimeoutError` with code ECONNRESET: the
  // socket code is the better witness, so it is checked first.
  if (NETWORK_CODES.has(code) || /socket hang up/i.test(message)) {
    return 'network';
  }
  if (TIMEOUT_NAMES.has(name)) return 'timeout';
  if (name === 'ResourceNotFoundException') return 'not-found';
  if (name === 'AccessDeniedException' || name === 'AccessDenied') {
    return 'access-denied';
  }
  if (name === 'InvalidRequestException' && /delet/i.test(message)) {
    return 'marked-for-deletion';
  }
  if (name === 'DecryptionFailure') return 'decryption-failed';
  if (CREDENTIAL_CODES.has(name)) return 'credentials';
  if (name.startsWith('Throttling') || name === 'TooManyRequestsException') {
    return 'throttled';
  }
  if (
    name === 'InternalServiceError' ||
    (status !== undefined && status >= 500)
  ) {
    return 'server';
  }
  if (code === 'ETIMEDOUT') return 'timeout';
  return 'unknown';
}
