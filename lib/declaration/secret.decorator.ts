import { SetMetadata } from '@nestjs/common';
import { SECRET_METADATA } from '../secrets.constants.js';
import type { SecretDeclarationOptions } from './secret-definition.js';

/** What `@Secret` stores on a class. */
export interface SecretDecoratorMetadata extends SecretDeclarationOptions {
  /** Secret name or full ARN. */
  readonly id: string;
}

/**
 * Binds a config class to a secret: the class becomes the injection token,
 * and its instance carries the validated, converted value.
 *
 * @param id - Secret name or full ARN.
 * @param options - Stage or version, shape (default `json`), JSON key.
 *
 * @example
 * ```ts
 * @Secret('prod/db')
 * export class DatabaseSecret {
 *   @IsString() host: string;
 *   @IsInt() port: number;
 * }
 * ```
 */
export function Secret(
  id: string,
  options: SecretDeclarationOptions = {},
): ClassDecorator {
  const metadata: SecretDecoratorMetadata = { ...options, id };
  return SetMetadata(SECRET_METADATA, metadata);
}
