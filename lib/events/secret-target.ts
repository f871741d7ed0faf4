import { SECRET_METADATA } from '../secrets.constants.js';
import type { SecretClass } from '../declaration/secret-definition.js';

/** A secret named by its `@Secret` class or by its id (name or ARN). */
export type SecretTarget = SecretClass | string;

/**
 * The secret id a target names: the id itself, or the id in the class's
 * `@Secret` metadata. `undefined` for a class without `@Secret`.
 */
export function secretIdOf(target: SecretTarget): string | undefined {
  if (typeof target === 'string') return target;

  const metadata: { id?: unknown } | undefined = Reflect.getMetadata(
    SECRET_METADATA,
    target,
  );
  return typeof metadata?.id === 'string' ? metadata.id : undefined;
}

/** A readable name of a target for log messages. */
export function describeTarget(target: SecretTarget): string {
  return typeof target === 'string' ? target : target.name;
}
