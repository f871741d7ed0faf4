import { installRedaction } from '../decode/redaction.js';
import { assignSecretRef, SecretRef } from './secret-ref.js';

function copyValue<T>(value: T): T {
  return (value instanceof Uint8Array ? new Uint8Array(value) : value) as T;
}

/**
 * A frozen, redacted copy of a live binding: later commits do not change
 * it. Top-level fields are copied; nested objects are shared with the
 * committed version, which the store never mutates in place.
 */
export function snapshotOf<T extends object>(target: T): Readonly<T> {
  if (target instanceof SecretRef) {
    const copy = new SecretRef<unknown>(target.secretId);
    copy[assignSecretRef](copyValue(target.value), target.versionId);
    return Object.freeze(copy) as unknown as Readonly<T>;
  }
  const copy: T = Object.create(Object.getPrototypeOf(target));
  Object.assign(copy, target);
  installRedaction(copy, target.constructor.name);
  return Object.freeze(copy);
}
