import { createHash } from 'node:crypto';
import type { SecretRequest } from '../../declaration/secret-definition.js';
import type { RawSecret } from '../raw-secret.js';

/** One value of the local secrets file, in the form a source returns. */
export interface LocalSecretValue {
  /** The value as a string secret (JSON text for objects). */
  readonly secretString?: string;
  /** The value as a binary secret. */
  readonly secretBinary?: Uint8Array;
  /** A hash of the value, so that an edit looks like a new version. */
  readonly versionId: string;
}

function isBinaryEntry(value: unknown): value is { $binary: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    typeof (value as { $binary?: unknown }).$binary === 'string'
  );
}

function versionOf(kind: string, bytes: Uint8Array | string): string {
  return createHash('sha256')
    .update(kind)
    .update(bytes)
    .digest('hex')
    .slice(0, 32);
}

/** Converts one entry: string, `{ "$binary": "<base64>" }`, or JSON. */
export function toLocalSecretValue(value: unknown): LocalSecretValue {
  if (typeof value === 'string') {
    return { secretString: value, versionId: versionOf('string', value) };
  }
  if (isBinaryEntry(value)) {
    const bytes = new Uint8Array(Buffer.from(value.$binary, 'base64'));
    return { secretBinary: bytes, versionId: versionOf('binary', bytes) };
  }
  const text = JSON.stringify(value);
  return { secretString: text, versionId: versionOf('json', text) };
}

/**
 * Parses the local secrets file: a JSON object mapping secret ids to
 * values. Returns `undefined` when the text is not such an object; the
 * parse error is dropped because it quotes the file's content.
 */
export function parseLocalFile(
  text: string,
): Map<string, LocalSecretValue> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return undefined;
  }
  const entries = new Map<string, LocalSecretValue>();
  for (const [id, value] of Object.entries(parsed)) {
    entries.set(id, toLocalSecretValue(value));
  }
  return entries;
}

/** Stage every local or in-memory value carries: one version per id. */
export const LOCAL_STAGE = 'AWSCURRENT';

/**
 * The raw secret a request names among local values, or `undefined` when
 * the id is absent or the request wants another stage or version. The ARN
 * is made up, in the local account `000000000000`.
 */
export function findLocalSecret(
  entries: ReadonlyMap<string, LocalSecretValue>,
  request: SecretRequest,
): RawSecret | undefined {
  const value = entries.get(request.secretId);
  const stageOk = (request.versionStage ?? LOCAL_STAGE) === LOCAL_STAGE;
  const versionOk =
    request.versionId === undefined || request.versionId === value?.versionId;
  if (!value || !stageOk || !versionOk) return undefined;
  return {
    name: request.secretId,
    arn: `arn:aws:secretsmanager:local:000000000000:secret:${request.secretId}`,
    versionId: value.versionId,
    versionStages: [LOCAL_STAGE],
    secretString: value.secretString,
    secretBinary: value.secretBinary,
  };
}
