import { vi } from 'vitest';

/**
 * Stubs out every `AWS_*` and `SECRETS_*` variable, so that the environment
 * of the machine running the tests never reaches the app. Undo with
 * `vi.unstubAllEnvs()`.
 */
export function clearAwsEnv(): void {
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('AWS_') || name.startsWith('SECRETS_')) {
      vi.stubEnv(name, undefined);
    }
  }
}

/** Stubs each variable of `env`; undo with `vi.unstubAllEnvs()`. */
export function stubEnvs(env: Record<string, string>): void {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
}
