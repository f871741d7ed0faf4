import { inspect } from 'node:util';
import { REDACTED } from '../decode/redaction.js';

/** Key of the store's write access to a `SecretRef`; not exported publicly. */
export const assignSecretRef = Symbol('assignSecretRef');

/**
 * Live holder of a secret declared without a class, injected by
 * `@InjectSecret(id)`. `.value` always returns the version in service;
 * read it each time you need it rather than keeping a copy. Printing or
 * serialising the holder shows `[redacted]`.
 *
 * @typeParam T - `string` for `shape: 'string'`, `Uint8Array` for
 * `shape: 'binary'`, the parsed JSON otherwise.
 */
export class SecretRef<T = unknown> {
  #value: T | undefined;
  #versionId: string | undefined;

  constructor(
    /** Secret name or ARN, as declared. */
    readonly secretId: string,
  ) {}

  /**
   * The current value; `undefined` only for an optional secret never loaded.
   */
  get value(): T {
    return this.#value as T;
  }

  /** Version id of the current value. */
  get versionId(): string | undefined {
    return this.#versionId;
  }

  /** Replaces the value and version; called by the store's commit. */
  [assignSecretRef](value: T, versionId: string | undefined): void {
    this.#value = value;
    this.#versionId = versionId;
  }

  /** Redacted JSON form: id and version, never the value. */
  toJSON(): Record<string, string | undefined> {
    return {
      secretId: this.secretId,
      versionId: this.#versionId,
      value: REDACTED,
    };
  }

  /** Redacted text form. */
  toString(): string {
    return `SecretRef(${this.secretId}) ${REDACTED}`;
  }

  [Symbol.toPrimitive](): string {
    return this.toString();
  }

  [inspect.custom](): string {
    return this.toString();
  }
}
