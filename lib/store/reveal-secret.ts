import { SecretRef } from './secret-ref.js';

/**
 * The one explicit way to get an unredacted copy of a secret, for handing
 * it to a driver: a plain object with the fields of a config instance, or
 * the value of a `SecretRef`. Do not log what it returns.
 *
 * @example
 * ```ts
 * new Pool({ ...revealSecret(db) });
 * ```
 */
export function revealSecret<T>(secret: SecretRef<T>): T;
export function revealSecret<T extends object>(secret: T): T;
export function revealSecret(secret: object): unknown {
  if (secret instanceof SecretRef) return secret.value;
  return { ...secret };
}
