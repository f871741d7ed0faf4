import type { SecretRecord } from './secret-record.js';

/**
 * Health of one secret, derived when read:
 * - `fresh`: the last attempt succeeded;
 * - `stale`: attempts fail, the last value is served, within
 *   `maxStalenessMs` of the last success;
 * - `failing`: never loaded, or failing for longer than `maxStalenessMs`;
 * - `refused`: a newer version failed decoding or validation; the last
 *   valid value is served until another version is committed. A refused
 *   secret whose checks then fail past `maxStalenessMs` is `failing`.
 */
export type SecretState = 'fresh' | 'stale' | 'failing' | 'refused';

/**
 * Derives the state of a record at `now` (epoch milliseconds). Never
 * stored, so it cannot go out of date.
 */
export function deriveSecretState(
  record: SecretRecord,
  now: number,
  maxStalenessMs: number,
): SecretState {
  const since = record.lastSuccessAt?.getTime();
  if (since === undefined || !record.current) return 'failing';
  // Failing past the bound wins over a refusal: an app that cannot reach
  // AWS for that long must report it, whatever it refused before.
  const failing = record.consecutiveFailures > 0;
  if (failing && now - since > maxStalenessMs) return 'failing';
  if (record.refusedVersionId) return 'refused';
  return failing ? 'stale' : 'fresh';
}
