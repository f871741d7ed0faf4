import type { DemoContext } from './demo-step.js';

/** Records a version id the demo wrote, so later steps can compare. */
export function rememberVersion(
  ctx: DemoContext,
  secretId: string,
  versionId: string,
): void {
  const list = ctx.versions.get(secretId) ?? [];
  list.push(versionId);
  ctx.versions.set(secretId, list);
  ctx.narrator.say(`  -> ${secretId} now at version ${versionId}`);
}

/** The version id the demo wrote last for `secretId`. */
export function latestVersion(
  ctx: DemoContext,
  secretId: string,
): string | undefined {
  return ctx.versions.get(secretId)?.at(-1);
}
