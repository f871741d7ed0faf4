/**
 * Injection tokens and metadata keys of the secrets module.
 *
 * Every token is namespaced so that it cannot collide with an application's
 * own string tokens.
 */

/** Prefix of every string token and metadata key this package defines. */
export const SECRETS_NAMESPACE = 'nest-aws-secrets';

/** Metadata key under which `@Secret` stores a class's declaration. */
export const SECRET_METADATA = `${SECRETS_NAMESPACE}:secret`;

/** Metadata key under which `@OnSecretRotated` marks a handler method. */
export const ON_SECRET_ROTATED_METADATA = `${SECRETS_NAMESPACE}:on-rotated`;

/**
 * Token of the boot gate: a promise-backed provider that resolves once every
 * declared secret is fetched and validated. Every secret provider injects
 * it, so nothing reads a secret before the boot has finished.
 */
export const SECRETS_BOOT = `${SECRETS_NAMESPACE}:boot`;

/** Token of the `SecretsManagerClient` the AWS source uses. */
export const SECRETS_MANAGER_CLIENT = `${SECRETS_NAMESPACE}:client`;

/** Token of the active `SecretSource` (AWS, local file, or test values). */
export const SECRETS_SOURCE = `${SECRETS_NAMESPACE}:source`;

/** Token of the resolved options (user options merged with defaults). */
export const SECRETS_RESOLVED_OPTIONS = `${SECRETS_NAMESPACE}:resolved-options`;

/**
 * Prefix of the value providers that `forRoot`, `forRootAsync` and
 * `forFeature` register with the secret definitions they declare. The boot
 * gate finds them all through `DiscoveryService`.
 */
export const SECRETS_DECLARATIONS_PREFIX = `${SECRETS_NAMESPACE}:declarations:`;

/**
 * Builds the injection token of a secret declared without a class, as used
 * by `@InjectSecret(id)`.
 *
 * @param id - The secret id (name or ARN) as declared.
 * @param discriminator - Stage, version id or JSON key, when declared.
 */
export function secretToken(id: string, discriminator?: string): string {
  const suffix = discriminator ? `#${discriminator}` : '';
  return `${SECRETS_NAMESPACE}:secret:${id}${suffix}`;
}
