import { Inject, Injectable } from '@nestjs/common';
import {
  HealthIndicatorService,
  type HealthIndicatorResult,
  type HealthIndicatorStatus,
} from '@nestjs/terminus';
import type { ResolvedSecretsOptions } from '../options/resolved-secrets-options.interface.js';
import { SECRETS_RESOLVED_OPTIONS } from '../secrets.constants.js';
import { SecretStore } from '../store/secret-store.js';
import {
  secretsDegradedMessage,
  secretsDownMessage,
} from '../secrets.messages.js';
import {
  describeSecretHealth,
  isDegraded,
  isDown,
  type SecretHealth,
} from './secret-health.js';

// A type alias, not an interface: terminus wants an indexable record.
/** Data of the indicator: one entry per fetched secret, never a value. */
export type SecretsHealthData = {
  /** Every fetched secret (one per id and stage or version id). */
  readonly secrets: readonly SecretHealth[];
  /** Why the indicator is `down` or `degraded`; absent when all are fresh. */
  readonly message?: string;
};

/**
 * Terminus health indicator of the secrets module, built on terminus's
 * `HealthIndicatorService`. `down` (the check answers 503) when a required
 * secret is failing: never loaded, or failing refreshes for longer than
 * `maxStalenessMs`. `degraded` (still 200) when a secret is stale, had a
 * rotation refused, or is optional and failing; `up` when all are fresh.
 * Terminus versions without `degraded` report those as `up`.
 *
 * Add it to the providers of a module that imports `TerminusModule`, and
 * import it from `nest-aws-secrets/health`, so that apps without
 * `@nestjs/terminus` never load it.
 *
 * @example
 * health.check([() => secretsIndicator.isHealthy()]);
 */
@Injectable()
export class SecretsHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly store: SecretStore,
    @Inject(SECRETS_RESOLVED_OPTIONS)
    private readonly options: ResolvedSecretsOptions,
  ) {}

  /**
   * Checks every secret at the current time.
   *
   * @param key - Key of the indicator in the health output. Default: `secrets`.
   */
  isHealthy<const Key extends string = 'secrets'>(
    key: Key = 'secrets' as Key,
  ): HealthIndicatorResult<Key, HealthIndicatorStatus, SecretsHealthData> {
    const now = Date.now();
    const secrets = this.store
      .records()
      .map((r) => describeSecretHealth(r, now, this.options.maxStalenessMs));
    const session = this.indicators.check(key);

    const down = secrets.filter(isDown).map((s) => s.secretId);
    if (down.length > 0) {
      return session.down({ secrets, message: secretsDownMessage(down) });
    }
    const degraded = secrets.filter(isDegraded).map((s) => s.secretId);
    if (degraded.length === 0) return session.up({ secrets });
    const data: SecretsHealthData = {
      secrets,
      message: secretsDegradedMessage(degraded),
    };
    // `degraded` arrived in terminus 12; on 11 an impaired secret is `up`.
    return typeof session.degraded === 'function'
      ? session.degraded(data)
      : session.up(data);
  }
}
