/**
 * nest-aws-secrets: typed, validated AWS Secrets Manager secrets for
 * NestJS, loaded before the application boots and never logged.
 */
export { SecretsModule } from './secrets.module.js';
export type {
  SecretsModuleAsyncOptions,
  SecretsModuleExtras,
  SecretsModuleRootOptions,
  SecretsOptionsFactory,
} from './secrets.module-definition.js';
export {
  SecretsService,
  type SecretKey,
  type SecretMetadata,
  type SecretStatus,
} from './secrets.service.js';
export { Secret } from './declaration/secret.decorator.js';
export { InjectSecret } from './declaration/inject-secret.decorator.js';
export type { SecretLookupOptions } from './declaration/request-key.js';
export type {
  SecretClass,
  SecretDeclaration,
  SecretDeclarationOptions,
  SecretDefinition,
  SecretDescriptor,
  SecretRequest,
  SecretShape,
} from './declaration/secret-definition.js';
export { SecretRef } from './store/secret-ref.js';
export { revealSecret } from './store/reveal-secret.js';
export type {
  RotationEntry,
  SecretErrorInfo,
  SecretRecord,
  SecretVersionMeta,
} from './store/secret-record.js';
export type { SecretState } from './store/secret-state.js';
export type {
  AuthFailureClassifier,
  SecretsModuleOptions,
  SecretsRefreshMode,
} from './options/secrets-module-options.interface.js';
export type { SecretErrorKind } from './errors/error-kind.js';
export { isTransientKind } from './errors/error-kind.js';
export type { SecretIssue } from './errors/secret-issue.js';
export { SecretsError } from './errors/secrets.error.js';
export { SecretNotFoundError } from './errors/secret-not-found.error.js';
export { SecretAccessDeniedError } from './errors/secret-access-denied.error.js';
export { SecretCredentialsError } from './errors/secret-credentials.error.js';
export { SecretConfigurationError } from './errors/secret-configuration.error.js';
export { SecretsOptionsError } from './errors/secrets-options.error.js';
export { SecretRetrievalError } from './errors/secret-retrieval.error.js';
export { SecretParseError } from './errors/secret-parse.error.js';
export { SecretValidationError } from './errors/secret-validation.error.js';
export { SecretsBootError } from './errors/secrets-boot.error.js';
export type { RawSecret } from './source/raw-secret.js';
export type {
  SecretFetchResult,
  SecretSource,
  SecretVersionInfo,
} from './source/secret-source.interface.js';
export type {
  LatencySummary,
  SecretsStatsSnapshot,
} from './stats/secrets-stats.js';
export { SECRETS_MANAGER_CLIENT, secretToken } from './secrets.constants.js';
export { OnSecretRotated } from './events/on-secret-rotated.decorator.js';
export { SecretEvents } from './events/secret-events.js';
export type { SecretTarget } from './events/secret-target.js';
export type {
  SecretEventType,
  SecretFailedEvent,
  SecretRefusedEvent,
  SecretRotatedEvent,
  SecretRotationEvent,
} from './events/secret-rotation-event.js';
export {
  withSecretRetry,
  type SecretClassRetryHost,
  type SecretRefreshOutcome,
  type SecretRetryHost,
  type SecretRetryOptions,
} from './retry/with-secret-retry.js';
export { isAuthFailure } from './retry/auth-failure.classifier.js';
export type {
  DynamicClassOptions,
  DynamicSecretOptions,
} from './refresh/dynamic-secrets.js';
// SecretsHealthIndicator lives in `nest-aws-secrets/health`, so that this
// entry point never loads the optional peer @nestjs/terminus.
export type { SecretHealth } from './health/secret-health.js';
