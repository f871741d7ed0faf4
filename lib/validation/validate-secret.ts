import { plainToInstance, type ClassTransformOptions } from 'class-transformer';
import {
  validate,
  type ValidationError,
  type ValidatorOptions,
} from 'class-validator';
import type { SecretClass } from '../declaration/secret-definition.js';
import { toPropertyIssues, type PropertyIssue } from './validation-issues.js';

/** Options of one conversion and validation. */
export interface ValidateSecretOptions {
  /** Passed to `plainToInstance` (implicit conversion on by default). */
  readonly transformOptions: ClassTransformOptions;
  /** Passed to class-validator's `validate`. */
  readonly validatorOptions: ValidatorOptions;
}

/** Outcome of converting and validating one plain object. */
export type ValidateSecretResult<T> =
  | { readonly ok: true; readonly instance: T }
  | { readonly ok: false; readonly issues: readonly PropertyIssue[] }
  | { readonly ok: false; readonly transformFailed: true };

/**
 * Converts a decoded object into an instance of `cls` (class-transformer,
 * so `"5432"` becomes `5432` for a `number` field), then runs its
 * class-validator rules. Reports property paths and rule names, never
 * values.
 */
export async function validateSecret<T extends object>(
  cls: SecretClass<T>,
  plain: Record<string, unknown>,
  options: ValidateSecretOptions,
): Promise<ValidateSecretResult<T>> {
  let instance: T;
  let errors: ValidationError[];
  try {
    instance = plainToInstance(cls, plain, options.transformOptions);
    errors = await validate(instance, options.validatorOptions);
  } catch {
    // A custom @Transform or validator may throw with the value in its
    // message: the error is not kept.
    return { ok: false, transformFailed: true };
  }
  if (errors.length === 0) return { ok: true, instance };
  return { ok: false, issues: toPropertyIssues(errors) };
}
