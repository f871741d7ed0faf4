import { requestKeyOf } from '../declaration/request-key.js';
import type { SecretClass } from '../declaration/secret-definition.js';
import type { SecretDecoratorMetadata } from '../declaration/secret.decorator.js';
import { SECRET_METADATA } from '../secrets.constants.js';
import type { SecretEventSubject } from './secret-rotation-event.js';

/** A secret named by its `@Secret` class or by its id (name or ARN). */
export type SecretTarget = SecretClass | string;

/** Tells whether a request key is declared; used to bind string ids. */
export type DeclaredKeyLookup = (requestKey: string) => boolean;

function metadataOf(cls: SecretClass): SecretDecoratorMetadata | undefined {
  const metadata: SecretDecoratorMetadata | undefined = Reflect.getMetadata(
    SECRET_METADATA,
    cls,
  );
  return typeof metadata?.id === 'string' ? metadata : undefined;
}

/**
 * Which events a target receives, or `undefined` for a class without
 * `@Secret`:
 *
 * - a class: the events of its own declaration (its id at its stage or
 *   pinned version), so a class reading `AWSCURRENT` ignores a
 *   declaration of the same id at `AWSPREVIOUS`;
 * - an id: the events of that id at `AWSCURRENT`; when the id is declared
 *   only at other stages or versions, the events of all of them.
 */
export function eventMatcherOf(
  target: SecretTarget,
  isDeclared: DeclaredKeyLookup,
): ((event: SecretEventSubject) => boolean) | undefined {
  if (typeof target !== 'string') {
    const metadata = metadataOf(target);
    if (!metadata) return undefined;
    const key = requestKeyOf(metadata.id, metadata);
    return (event) => event.key === key;
  }
  const defaultKey = requestKeyOf(target);
  return (event) =>
    event.key === defaultKey ||
    (event.secretId === target && !isDeclared(defaultKey));
}

/** A readable name of a target for log messages. */
export function describeTarget(target: SecretTarget): string {
  return typeof target === 'string' ? target : target.name;
}
