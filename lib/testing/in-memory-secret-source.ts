import type { SecretRequest } from '../declaration/secret-definition.js';
import { createSecretsError } from '../errors/create-secrets-error.js';
import type { SecretsError } from '../errors/secrets.error.js';
import { secretFailureMessage } from '../secrets.messages.js';
import {
  findLocalSecret,
  toLocalSecretValue,
  type LocalSecretValue,
} from '../source/local/parse-local-file.js';
import type { RawSecret } from '../source/raw-secret.js';
import type {
  SecretFetchResult,
  SecretSource,
  SecretVersionInfo,
} from '../source/secret-source.interface.js';

/**
 * A value given to `InMemorySecretSource`: an object or array (a JSON
 * secret), a string (a plain string secret), or bytes (a binary secret).
 */
export type TestSecretValue = string | Uint8Array | object;

function toEntry(value: TestSecretValue): LocalSecretValue {
  if (value instanceof Uint8Array) {
    const base64 = Buffer.from(value).toString('base64');
    return toLocalSecretValue({ $binary: base64 });
  }
  return toLocalSecretValue(value);
}

/**
 * A `SecretSource` that answers from values held in memory, for tests: no
 * AWS, no environment, no file. Values still go through the module's
 * decoding and class-validator rules, exactly as values from AWS do.
 *
 * Each value's version id is a hash of the value, so `set` with a new value
 * is a rotation: the module's watch reloads, validates and swaps it, and
 * emits the same events as after a rotation in AWS.
 *
 * @example
 * ```ts
 * const secrets = new InMemorySecretSource({
 *   'prod/app/database': { host: 'db', port: 5432, password: 'test' },
 * });
 * const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
 *   .overrideProvider(SECRETS_SOURCE)
 *   .useValue(secrets)
 *   .compile();
 * ```
 */
export class InMemorySecretSource implements SecretSource {
  /** Source name shown in logs and health output. */
  readonly name = 'in-memory';
  private readonly entries = new Map<string, LocalSecretValue>();
  private readonly listeners = new Set<() => void>();

  /** @param values - Secret ids (names or ARNs) mapped to their values. */
  constructor(values: Readonly<Record<string, TestSecretValue>> = {}) {
    for (const [id, value] of Object.entries(values)) {
      this.entries.set(id, toEntry(value));
    }
  }

  /**
   * Stores a new value for `id` (a rotation when the value differs) and
   * notifies the module, which reloads and validates it.
   */
  set(id: string, value: TestSecretValue): void {
    this.entries.set(id, toEntry(value));
    this.notify();
  }

  /** Removes `id`: later reads fail with kind `not-found`. */
  delete(id: string): void {
    this.entries.delete(id);
    this.notify();
  }

  /** Resolves every request from memory. */
  async fetchMany(
    requests: readonly SecretRequest[],
  ): Promise<Map<string, SecretFetchResult>> {
    const results = new Map<string, SecretFetchResult>();
    for (const request of requests) {
      try {
        results.set(request.key, { ok: true, raw: this.read(request) });
      } catch (error) {
        results.set(request.key, { ok: false, error: error as SecretsError });
      }
    }
    return results;
  }

  /** Resolves one request from memory; rejects with kind `not-found`. */
  async fetchOne(request: SecretRequest): Promise<RawSecret> {
    return this.read(request);
  }

  /** Where the requested stage points: the current value's version id. */
  async describe(request: SecretRequest): Promise<SecretVersionInfo> {
    return { versionId: this.read(request).versionId };
  }

  /** Calls `onChange` after every `set` and `delete`. */
  watch(onChange: () => void): () => void {
    this.listeners.add(onChange);
    return () => this.listeners.delete(onChange);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private read(request: SecretRequest): RawSecret {
    const raw = findLocalSecret(this.entries, request);
    if (raw) return raw;
    throw createSecretsError(
      secretFailureMessage('not-found', request.secretId),
      { kind: 'not-found', secretId: request.secretId },
    );
  }
}
