import { requestKeyOf, toSecretRequest } from '../declaration/request-key.js';
import type {
  SecretClass,
  SecretRequest,
  SecretShape,
} from '../declaration/secret-definition.js';
import type { SecretLookupOptions } from '../declaration/request-key.js';
import { decodeSecret, toClassInput } from '../decode/decode-secret.js';
import { installRedaction } from '../decode/redaction.js';
import { dropReservedKeys } from '../decode/reserved-keys.js';
import { isTransientKind } from '../errors/error-kind.js';
import { createSecretsError } from '../errors/create-secrets-error.js';
import { SecretsError } from '../errors/secrets.error.js';
import type { ResolvedSecretsOptions } from '../options/resolved-secrets-options.interface.js';
import { SecretsLogger } from '../logging/secrets-logger.js';
import {
  invalidMessage,
  reservedKeysDroppedMessage,
  transformFailedMessage,
} from '../secrets.messages.js';
import type { SecretSource } from '../source/secret-source.interface.js';
import type { SecretsStats } from '../stats/secrets-stats.js';
import { validateSecret } from '../validation/validate-secret.js';
import { LruCache } from './lru-cache.js';
import { SingleFlight } from './single-flight.js';

/** Options of `SecretsService.fetch` for a secret declared nowhere. */
export interface DynamicSecretOptions extends SecretLookupOptions {
  /** How to decode the value. Default: `json`. */
  shape?: SecretShape;
}

/** `DynamicSecretOptions` with a config class to validate into. */
export interface DynamicClassOptions<
  T extends object,
> extends DynamicSecretOptions {
  /** Converts and validates the value into this class. */
  cls: SecretClass<T>;
}

interface Entry {
  readonly value: unknown;
  readonly fetchedAt: number;
}

type Options = DynamicSecretOptions & { cls?: SecretClass };

/**
 * Secrets fetched at run time without a declaration (dynamic lookups):
 * decoded and validated like declared ones, cached in a bounded LRU
 * (`cacheMaxEntries`) under a key that includes the stage or version id,
 * shape, JSON key and class. An entry is fresh for `refreshIntervalMs`
 * (a pinned version id forever); after that it is read again, and a
 * transient failure serves the old entry for up to `maxStalenessMs` since
 * it was fetched. Failures are never cached.
 */
export class DynamicSecrets {
  private readonly cache: LruCache<string, Entry>;
  private readonly flights = new SingleFlight<string, Entry>();
  private readonly classIds = new Map<SecretClass, number>();

  constructor(
    private readonly source: SecretSource,
    private readonly options: ResolvedSecretsOptions,
    private readonly stats: SecretsStats,
  ) {
    this.cache = new LruCache(Math.max(1, Math.floor(options.cacheMaxEntries)));
  }

  /** Number of cached entries. */
  get size(): number {
    return this.cache.size;
  }

  /** The decoded (and, with `cls`, validated) value of `id`. */
  async fetch(id: string, options: Options = {}): Promise<unknown> {
    const request = toSecretRequest(id, options);
    const key = this.cacheKey(request, options);
    const entry = this.cache.get(key);
    const now = Date.now();
    if (entry && (request.versionId || this.isFresh(entry, now))) {
      this.stats.recordCacheHit();
      return copyBytes(entry.value);
    }

    this.stats.recordCacheMiss();
    try {
      const loaded = await this.flights.run(key, () =>
        this.load(request, options),
      );
      this.cache.set(key, loaded);
      return copyBytes(loaded.value);
    } catch (error) {
      if (entry && this.mayServeStale(entry, error, now)) {
        return copyBytes(entry.value);
      }
      throw error;
    }
  }

  private isFresh(entry: Entry, now: number): boolean {
    return now - entry.fetchedAt < this.options.refreshIntervalMs;
  }

  private mayServeStale(entry: Entry, error: unknown, now: number): boolean {
    return (
      error instanceof SecretsError &&
      isTransientKind(error.kind) &&
      now - entry.fetchedAt <= this.options.maxStalenessMs
    );
  }

  private async load(request: SecretRequest, options: Options): Promise<Entry> {
    const raw = await this.source.fetchOne(request);
    const shape = options.shape ?? 'json';
    const decoded = decodeSecret(raw, {
      id: request.secretId,
      shape,
      key: options.key,
    });
    if (!decoded.ok) throw decoded.error;
    const value = options.cls
      ? await this.validate(
          request.secretId,
          raw.versionId,
          options.cls,
          decoded.value,
        )
      : freeze(decoded.value);
    return { value, fetchedAt: Date.now() };
  }

  private async validate(
    secretId: string,
    versionId: string,
    cls: SecretClass,
    value: unknown,
  ): Promise<object> {
    const input = dropReservedKeys(toClassInput(value));
    if (input.dropped.length > 0) {
      new SecretsLogger(this.options.logger).warn(
        reservedKeysDroppedMessage(secretId, versionId, input.dropped),
      );
    }
    const result = await validateSecret(cls, input.value, {
      transformOptions: this.options.transformOptions,
      validatorOptions: this.options.validatorOptions,
    });
    if (result.ok) {
      installRedaction(result.instance, cls.name);
      return Object.freeze(result.instance);
    }
    const message =
      'issues' in result
        ? result.issues
            .map(({ path, rules }) => invalidMessage(secretId, path, rules))
            .join(' ')
        : transformFailedMessage(secretId, cls.name);
    throw createSecretsError(message, { kind: 'invalid', secretId });
  }

  private cacheKey(request: SecretRequest, options: Options): string {
    const parts = [
      requestKeyOf(request.secretId, request),
      `shape:${options.shape ?? 'json'}`,
    ];
    if (options.key !== undefined) parts.push(`key:${options.key}`);
    if (options.cls) parts.push(`class:${this.classId(options.cls)}`);
    return parts.join('|');
  }

  // Two classes may share a name; each gets its own number.
  private classId(cls: SecretClass): number {
    let id = this.classIds.get(cls);
    if (id === undefined) {
      id = this.classIds.size + 1;
      this.classIds.set(cls, id);
    }
    return id;
  }
}

function freeze(value: unknown): unknown {
  return typeof value === 'object' &&
    value !== null &&
    !(value instanceof Uint8Array)
    ? Object.freeze(value)
    : value;
}

// Bytes cannot be frozen: each caller gets its own copy.
function copyBytes(value: unknown): unknown {
  return value instanceof Uint8Array ? new Uint8Array(value) : value;
}
