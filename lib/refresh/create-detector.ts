import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SecretsLogger } from '../logging/secrets-logger.js';
import type { ResolvedSecretsOptions } from '../options/resolved-secrets-options.interface.js';
import { detectorFallbackMessage } from '../secrets.messages.js';
import { usesAws } from '../source/create-secret-source.js';
import type { SecretSource } from '../source/secret-source.interface.js';
import type { SecretsStats } from '../stats/secrets-stats.js';
import { failureOf } from './failure-of.js';
import { DescribeDetector } from './detectors/describe.detector.js';
import { FallbackDetector } from './detectors/fallback.detector.js';
import { ListSecretsDetector } from './detectors/list-secrets.detector.js';
import { SourceDescribeDetector } from './detectors/source-describe.detector.js';
import { TtlDetector } from './detectors/ttl.detector.js';
import type {
  DetectorMode,
  VersionDetector,
} from './detectors/version-detector.interface.js';

/** What `createDetector` builds from. */
export interface DetectorDeps {
  readonly options: ResolvedSecretsOptions;
  readonly source: SecretSource;
  /** The client of the AWS source; `undefined` for other sources. */
  readonly client?: SecretsManagerClient;
  readonly stats: SecretsStats;
  readonly logger: SecretsLogger;
}

/**
 * The change detector for `refreshMode`: `ListSecrets` and `DescribeSecret`
 * on the AWS source (stepping down when an action is denied), the source's
 * own `describe` for custom sources that have one, and a plain TTL
 * otherwise. `undefined` when the mode is `off`.
 */
export function createDetector(
  deps: DetectorDeps,
): FallbackDetector | undefined {
  const { options, source, client, stats, logger } = deps;
  if (options.refreshMode === 'off') return undefined;

  const mode: DetectorMode = options.refreshMode;
  const aws = { timeoutMs: options.timeoutMs, recordCall };
  function recordCall(operation: string): void {
    stats.recordApiCall(operation);
  }
  const onAws = client !== undefined && usesAws(options);
  let describe: VersionDetector | undefined;
  if (onAws) describe = new DescribeDetector(client, aws);
  else if (source.describe) {
    describe = new SourceDescribeDetector({
      describe: (request) => source.describe!(request),
    });
  }
  return new FallbackDetector({
    mode,
    list: onAws ? new ListSecretsDetector(client, aws) : undefined,
    describe,
    ttl: new TtlDetector(),
    isAccessDenied: (error) => failureOf(error).kind === 'access-denied',
    onFallback: (from, to, secretId) =>
      logger.warn(detectorFallbackMessage(from, to, secretId)),
  });
}
