import type { SecretDefinition } from '../declaration/secret-definition.js';
import { createSecretsError } from '../errors/create-secrets-error.js';
import type { SecretsError } from '../errors/secrets.error.js';
import {
  missingKeyMessage,
  notJsonMessage,
  wrongShapeMessage,
} from '../secrets.messages.js';
import type { RawSecret } from '../source/raw-secret.js';

/** Outcome of decoding one raw value for one definition. */
export type DecodeResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: SecretsError };

type Decodable = Pick<SecretDefinition, 'id' | 'shape' | 'key'>;

const fail = (error: SecretsError): DecodeResult => ({ ok: false, error });

function wrongShape(id: string, expected: string, found: string) {
  return fail(
    createSecretsError(wrongShapeMessage(id, expected, found), {
      kind: 'wrong-shape',
      secretId: id,
    }),
  );
}

function foundShape(raw: RawSecret): string {
  if (raw.secretString !== undefined) return 'a string value (SecretString)';
  if (raw.secretBinary !== undefined) return 'a binary value (SecretBinary)';
  return 'no value';
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isJsonObject(parsed) ? parsed : undefined;
  } catch {
    // JSON.parse messages quote fragments of the input, which is the
    // secret value: the error is dropped, not wrapped.
    return undefined;
  }
}

function decodeJson(raw: RawSecret, definition: Decodable): DecodeResult {
  const { id, key } = definition;
  if (raw.secretString === undefined) {
    return wrongShape(id, 'a JSON object (SecretString)', foundShape(raw));
  }
  const parsed = parseObject(raw.secretString);
  if (!parsed) {
    return fail(
      createSecretsError(notJsonMessage(id), {
        kind: 'not-json',
        secretId: id,
      }),
    );
  }
  if (key === undefined) return { ok: true, value: parsed };
  if (!Object.hasOwn(parsed, key)) {
    return fail(
      createSecretsError(missingKeyMessage(id, key), {
        kind: 'wrong-shape',
        secretId: id,
      }),
    );
  }
  return { ok: true, value: parsed[key] };
}

/**
 * Decodes a raw value by the declared shape: a JSON object (or one key of
 * it), a string, or bytes exactly as stored. A mismatch is a `wrong-shape`
 * or `not-json` error that names the expected shape and never the value.
 */
export function decodeSecret(
  raw: RawSecret,
  definition: Decodable,
): DecodeResult {
  const { id, shape } = definition;
  if (shape === 'json') return decodeJson(raw, definition);
  if (shape === 'string') {
    return raw.secretString === undefined
      ? wrongShape(id, 'a string (SecretString)', foundShape(raw))
      : { ok: true, value: raw.secretString };
  }
  return raw.secretBinary === undefined
    ? wrongShape(id, 'binary (SecretBinary)', foundShape(raw))
    : { ok: true, value: new Uint8Array(raw.secretBinary) };
}

/**
 * The plain object a config class is built from: a JSON object as is,
 * anything else (a string, bytes, a non-object JSON key) as `{ value }`.
 */
export function toClassInput(value: unknown): Record<string, unknown> {
  return isJsonObject(value) && !(value instanceof Uint8Array)
    ? value
    : { value };
}
