import type {
  SecretDeclarationOptions,
  SecretRequest,
} from './secret-definition.js';

/** The stage a secret follows when no stage or version id is declared. */
export const DEFAULT_VERSION_STAGE = 'AWSCURRENT';

/** Options that select which version, and which part, of a secret is read. */
export type SecretLookupOptions = Pick<
  SecretDeclarationOptions,
  'versionStage' | 'versionId' | 'key'
>;

/**
 * Key of one fetch: the id plus the stage or version id. Declarations with
 * the same key share one fetch.
 */
export function requestKeyOf(
  id: string,
  options: Pick<SecretDeclarationOptions, 'versionStage' | 'versionId'> = {},
): string {
  if (options.versionId) return `${id}|version:${options.versionId}`;
  return `${id}|stage:${options.versionStage ?? DEFAULT_VERSION_STAGE}`;
}

/** Builds the request of a definition. */
export function toSecretRequest(
  id: string,
  options: Pick<SecretDeclarationOptions, 'versionStage' | 'versionId'> = {},
): SecretRequest {
  const key = requestKeyOf(id, options);
  if (options.versionId) {
    return { key, secretId: id, versionId: options.versionId };
  }
  const versionStage = options.versionStage ?? DEFAULT_VERSION_STAGE;
  return { key, secretId: id, versionStage };
}

/**
 * The part of a class-less secret's token after its id: non-default stage,
 * version id and JSON key. `undefined` when none applies.
 */
export function discriminatorOf(
  options: SecretLookupOptions = {},
): string | undefined {
  const parts: string[] = [];
  if (options.versionId) parts.push(`version=${options.versionId}`);
  else if (
    options.versionStage &&
    options.versionStage !== DEFAULT_VERSION_STAGE
  ) {
    parts.push(`stage=${options.versionStage}`);
  }
  if (options.key !== undefined) parts.push(`key=${options.key}`);
  return parts.length > 0 ? parts.join(',') : undefined;
}
