import { ON_SECRET_ROTATED_METADATA } from '../secrets.constants.js';
import type { SecretTarget } from './secret-target.js';

/**
 * Calls the decorated method with each `SecretRotatedEvent` of a secret,
 * named by its `@Secret` class or its id. The method may be async; a
 * handler that throws is logged and stops neither other handlers nor the
 * refresh loop. Handlers are bound in `onModuleInit`, before the first
 * refresh; in a testing module they are bound once the module is
 * initialised (`app.init()` or `createNestApplication().init()`).
 *
 * A class target receives the rotations of its own declaration only: its
 * id at its stage (default `AWSCURRENT`) or pinned version, so a handler
 * of `DatabaseSecret` is not called when another class reads the same id
 * at `AWSPREVIOUS`. An id target receives the rotations of that id at
 * `AWSCURRENT`; if the id is declared only at other stages or versions,
 * those of all of them. Each event's `key` and `versionStage` say which
 * read rotated.
 *
 * Stack it to listen to several secrets.
 *
 * @example
 * ```ts
 * @Injectable()
 * export class PoolManager {
 *   @OnSecretRotated(DatabaseSecret)
 *   async rebuild(event: SecretRotatedEvent) { ... }
 * }
 * ```
 */
export function OnSecretRotated(target: SecretTarget): MethodDecorator {
  return (_prototype, _name, descriptor) => {
    const method = descriptor.value as object;
    const targets: SecretTarget[] =
      Reflect.getMetadata(ON_SECRET_ROTATED_METADATA, method) ?? [];
    Reflect.defineMetadata(
      ON_SECRET_ROTATED_METADATA,
      [...targets, target],
      method,
    );
    return descriptor;
  };
}

/** The targets `@OnSecretRotated` recorded on a method, if any. */
export function rotationTargetsOf(method: unknown): SecretTarget[] {
  if (typeof method !== 'function') return [];
  return Reflect.getMetadata(ON_SECRET_ROTATED_METADATA, method) ?? [];
}
