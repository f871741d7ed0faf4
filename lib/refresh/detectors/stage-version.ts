import { DEFAULT_VERSION_STAGE } from '../../declaration/request-key.js';

/**
 * The version id that carries `stage` in a `VersionIdsToStages` or
 * `SecretVersionsToStages` map, or `undefined` when no version carries it.
 *
 * @param stage - Stage looked for. Default: `AWSCURRENT`.
 */
export function versionIdForStage(
  versionsToStages: Record<string, readonly string[]> | undefined,
  stage: string = DEFAULT_VERSION_STAGE,
): string | undefined {
  if (!versionsToStages) return undefined;

  for (const [versionId, stages] of Object.entries(versionsToStages)) {
    if (stages.includes(stage)) return versionId;
  }
  return undefined;
}
