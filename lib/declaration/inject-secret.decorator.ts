import { Inject } from '@nestjs/common';
import { secretToken } from '../secrets.constants.js';
import { discriminatorOf, type SecretLookupOptions } from './request-key.js';

/**
 * Injects the `SecretRef` of a secret declared without a class (list it as
 * `{ id, shape }` in `secrets`). Pass the same stage, version id or key as
 * the declaration.
 *
 * @example
 * ```ts
 * constructor(@InjectSecret('prod/api-key') private key: SecretRef<string>) {}
 * ```
 */
export function InjectSecret(
  id: string,
  options: SecretLookupOptions = {},
): PropertyDecorator & ParameterDecorator {
  return Inject(secretToken(id, discriminatorOf(options)));
}
