import { plainToInstance, type ClassTransformOptions } from 'class-transformer';
import {
  validate,
  type ValidationError,
  type ValidatorOptions,
} from 'class-validator';
import type { SecretClass } from '../declaration/secret-definition.js';
import { convertStrictly } from './strict-conversion.js';
import { toPropertyIssues, type PropertyIssue } from './validation-issues.js';

/** Options of one conversion and validation. */
export interface ValidateSecretOptions {
  /**
   * Passed to `plainToInstance`. Unless it sets `enableImplicitConversion`,
   * the strict conversion of `convertStrictly` runs after it.
   */
  readonly transformOptions: ClassTransformOptions;
  /** Passed to class-validator's `validate`. */
  readonly validatorOptions: ValidatorOptions;
}

/** Outcome of converting and validating one plain object. */
export type ValidateSecretResult<T> =
  | { readonly ok: true; readonly instance: T }
  | { readonly ok: false; readonly issues: readonly PropertyIssue[] }
  | { readonly ok: false; readonly transformFailed: true };

// class-transformer rebuilds a typed array as an empty object of its
// class: bytes skip it and are set on the instance as they are.
function splitBytes(plain: Record<string, unknown>) {
  const rest: Record<string, unknown> = {};
  const bytes = new Map<string, Uint8Array>();
  for (const [key, value] of Object.entries(plain)) {
    if (value instanceof Uint8Array) bytes.set(key, value);
    else rest[key] = value;
  }
  return { rest, bytes };
}

/**
 * Converts a decoded object into an instance of `cls`, then runs its
 * class-validator rules. Conversion is class-transformer's, followed by
 * `convertStrictly` (so `"5432"` becomes `5432` for a `number` field, and
 * `""` stays `""`) unless `enableImplicitConversion` is set. Byte values
 * are kept exactly. Reports property paths and rule names, never values.
 */
export async function validateSecret<T extends object>(
  cls: SecretClass<T>,
  plain: Record<string, unknown>,
  options: ValidateSecretOptions,
): Promise<ValidateSecretResult<T>> {
  const { transformOptions, validatorOptions } = options;
  const { rest, bytes } = splitBytes(plain);
  let instance: T;
  let errors: ValidationError[];
  try {
    instance = plainToInstance(cls, rest, transformOptions);
    if (!transformOptions.enableImplicitConversion) convertStrictly(instance);
    for (const [key, value] of bytes) {
      (instance as Record<string, unknown>)[key] = new Uint8Array(value);
    }
    errors = await validate(instance, validatorOptions);
  } catch {
    // A custom @Transform or validator may throw with the value in its
    // message: the error is not kept.
    return { ok: false, transformFailed: true };
  }
  if (errors.length === 0) return { ok: true, instance };
  return { ok: false, issues: toPropertyIssues(errors) };
}
