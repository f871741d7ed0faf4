import type { LoggerService } from '@nestjs/common';
import type { ClassTransformOptions } from 'class-transformer';
import type { ValidatorOptions } from 'class-validator';
import type {
  AuthFailureClassifier,
  SecretsModuleOptions,
  SecretsRefreshMode,
} from './secrets-module-options.interface.js';

/**
 * `SecretsModuleOptions` with every default applied, as provided under
 * `SECRETS_RESOLVED_OPTIONS`. Built only by `resolveSecretsOptions`.
 */
export interface ResolvedSecretsOptions extends Pick<
  SecretsModuleOptions,
  'client' | 'clientConfig' | 'localFile' | 'source'
> {
  /** Upper bound of one AWS call, in milliseconds. */
  readonly timeoutMs: number;
  /** Whether the boot uses `BatchGetSecretValue`. */
  readonly batch: boolean;
  /** Change detection mode of the background refresher. */
  readonly refreshMode: SecretsRefreshMode;
  /** Interval between two checks of a secret, in milliseconds. */
  readonly refreshIntervalMs: number;
  /** Fraction of the interval removed at random from each wait (0 to 1). */
  readonly refreshJitterRatio: number;
  /** How long an old value may be served while refreshes fail, in ms. */
  readonly maxStalenessMs: number;
  /** First retry delay after a transient failure, in milliseconds. */
  readonly backoffInitialMs: number;
  /** Longest retry delay, in milliseconds. */
  readonly backoffMaxMs: number;
  /** Smallest time between two on-demand refreshes of a secret, in ms. */
  readonly minRefreshIntervalMs: number;
  /** Entries kept for secrets fetched at run time. */
  readonly cacheMaxEntries: number;
  /** Logger of the module, or `false` when silenced. */
  readonly logger: LoggerService | false;
  /** Options passed to class-transformer (implicit conversion off). */
  readonly transformOptions: ClassTransformOptions;
  /** Options passed to class-validator. */
  readonly validatorOptions: ValidatorOptions;
  /** Classifies consumer errors as authentication failures. */
  readonly isAuthFailure: AuthFailureClassifier;
}
