import type { LoggerService } from '@nestjs/common';
import type {
  SecretsManagerClient,
  SecretsManagerClientConfig,
} from '@aws-sdk/client-secrets-manager';
import type { ClassTransformOptions } from 'class-transformer';
import type { ValidatorOptions } from 'class-validator';
import type { SecretSource } from '../source/secret-source.interface.js';

/**
 * How the background refresher detects that a secret rotated.
 *
 * - `list`: one `ListSecrets` call per interval covers up to 100 secrets;
 *   `GetSecretValue` only for a version that moved. Falls back to
 *   `describe` when `ListSecrets` is denied.
 * - `describe`: one `DescribeSecret` per secret per interval; falls back to
 *   `ttl` when denied.
 * - `ttl`: `GetSecretValue` per secret per interval. Needs only
 *   `secretsmanager:GetSecretValue` (least privilege).
 * - `off`: no background refresh; `SecretsService.refresh` still works.
 */
export type SecretsRefreshMode = 'list' | 'describe' | 'ttl' | 'off';

/**
 * Decides whether an error thrown by a consumer (a database driver, a Redis
 * client) means the credentials were rejected. See `withSecretRetry`.
 */
export type AuthFailureClassifier = (error: unknown) => boolean;

/**
 * Options of `SecretsModule.forRoot` and of the factory of
 * `SecretsModule.forRootAsync`. Every field is optional; defaults are
 * applied in one place, `resolveSecretsOptions`.
 */
export interface SecretsModuleOptions {
  /**
   * A ready `SecretsManagerClient` (it may come from DI through
   * `forRootAsync`). Default: a client built from `clientConfig`, which
   * uses the SDK's default credential chain, `AWS_REGION` and
   * `AWS_ENDPOINT_URL_SECRETS_MANAGER`.
   */
  client?: SecretsManagerClient;
  /** Settings for the client the module builds. Ignored with `client`. */
  clientConfig?: SecretsManagerClientConfig;
  /**
   * Read secrets from this local JSON file instead of AWS. The file maps
   * secret ids to values: an object (a JSON secret), a string, or
   * `{ "$binary": "<base64>" }`. Default: none (AWS).
   */
  localFile?: string;
  /** A custom source; overrides `client`, `clientConfig` and `localFile`. */
  source?: SecretSource;
  /**
   * Upper bound of one AWS call, in milliseconds, including the SDK's own
   * retries. A call that does not answer fails with kind `timeout`.
   * Default: `5000`.
   *
   * Every duration option (`...Ms`) must be a number greater than 0 and at
   * most 2147483647 (2^31 - 1, about 24.8 days, Node's timer limit);
   * anything else, a numeric string included, makes the module throw a
   * `SecretsOptionsError` at start-up. Convert environment variables with
   * `Number(...)`.
   */
  timeoutMs?: number;
  /**
   * Use `BatchGetSecretValue` (20 ids per call) at boot. When the role is
   * denied that action the module falls back to `GetSecretValue` per
   * secret, and logs it once. Default: `true`.
   */
  batch?: boolean;
  /** Change detection mode of the background refresher. Default: `list`. */
  refreshMode?: SecretsRefreshMode;
  /**
   * Interval between two checks of a secret, in milliseconds. Each wait is
   * jittered by `refreshJitterRatio`. Default: `300000` (5 minutes).
   * At most 2147483647.
   */
  refreshIntervalMs?: number;
  /**
   * Fraction of `refreshIntervalMs` by which each wait is shortened at
   * random, so that a fleet does not poll in step. From 0 to 1.
   * Default: `0.1`.
   */
  refreshJitterRatio?: number;
  /**
   * How long a secret may be served from an old value while refreshes keep
   * failing, in milliseconds, before it counts as failing (health `down`
   * for required secrets). Default: `900000` (15 minutes).
   */
  maxStalenessMs?: number;
  /**
   * First retry delay after a transient failure, in milliseconds; doubles
   * per consecutive failure, with full jitter. Default: `1000`.
   */
  backoffInitialMs?: number;
  /**
   * Longest retry delay, in milliseconds; also the delay after
   * non-transient failures. Default: `300000` (5 minutes).
   */
  backoffMaxMs?: number;
  /**
   * Smallest time between two on-demand refreshes of one secret, in
   * milliseconds; calls in between share the last result. Default: `1000`.
   */
  minRefreshIntervalMs?: number;
  /**
   * Entries kept for secrets fetched at run time by `SecretsService`
   * without a declaration (least recently used first out); a positive
   * integer. Default: `1000`.
   */
  cacheMaxEntries?: number;
  /**
   * Logger used by the module, or `false` to silence it. Default: Nest's
   * `Logger` with the context `SecretsModule`.
   */
  logger?: LoggerService | false;
  /**
   * Options passed to class-transformer's `plainToInstance`. Default:
   * `{ enableImplicitConversion: false }`, followed by the module's strict
   * conversion, which converts a string field only when it is
   * unambiguous for the property's declared type (`design:type`):
   *
   * - `number` from a decimal: optional sign, digits, optional fraction
   *   (`"5432"`, `"-1.5"`); not `""`, `" "`, `"0x10"`, `"1e3"`, nor an
   *   integer beyond `Number.MAX_SAFE_INTEGER`;
   * - `boolean` from exactly `"true"` or `"false"`;
   * - nested class instances and arrays of them (`@Type`) likewise.
   *
   * Everything else is left as stored, so the rules judge it: `@IsString()`
   * rejects `123`, `@IsInt()` rejects `""`, `@IsBoolean()` rejects `"0"`.
   * Your options are merged over the default; set
   * `enableImplicitConversion: true` to use class-transformer's own
   * conversion instead (then `"false"` becomes `true` for a boolean).
   */
  transformOptions?: ClassTransformOptions;
  /**
   * Options passed to class-validator. Default:
   * `{ forbidUnknownValues: false }`: a config class without rules is
   * accepted (there is nothing to check).
   */
  validatorOptions?: ValidatorOptions;
  /**
   * Classifies consumer errors as authentication failures for
   * `withSecretRetry`. Default: PostgreSQL 28P01/28000, MySQL 1045,
   * SQL Server 18456, Redis WRONGPASS/NOAUTH.
   */
  isAuthFailure?: AuthFailureClassifier;
}
