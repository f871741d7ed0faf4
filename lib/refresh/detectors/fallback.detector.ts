import type { SecretRequest } from '../../declaration/secret-definition.js';
import { isAccessDeniedError } from './access-denied.js';
import type {
  DetectorMode,
  VersionDetections,
  VersionDetector,
} from './version-detector.interface.js';

/** Called once per step down the list, describe, ttl chain. */
export type DetectorFallbackListener = (
  from: DetectorMode,
  to: DetectorMode,
  secretId?: string,
) => void;

/** Settings of `FallbackDetector`. */
export interface FallbackDetectorOptions {
  /** Mode to start in. */
  readonly mode: DetectorMode;
  /** `ListSecrets` detector; required when `mode` is `list`. */
  readonly list?: VersionDetector;
  /** `DescribeSecret` detector; required unless `mode` is `ttl`. */
  readonly describe?: VersionDetector;
  /** The GetSecretValue-only detector. */
  readonly ttl: VersionDetector;
  /** Logs a fallback (at most once per step; per secret for `describe`). */
  readonly onFallback?: DetectorFallbackListener;
  /** Whether an error means the action is denied. Default: by error name. */
  readonly isAccessDenied?: (error: unknown) => boolean;
}

/**
 * Change detection that degrades instead of failing when the role lacks an
 * action: `ListSecrets` denied switches everything to `DescribeSecret`
 * (ListSecrets has no resource-level permissions, so the denial is
 * account-wide); `DescribeSecret` denied for one secret switches that
 * secret to a plain TTL. Secrets missing from a listing are described.
 */
export class FallbackDetector implements VersionDetector {
  private current: DetectorMode;
  private readonly ttlKeys = new Set<string>();
  private readonly isAccessDenied: (error: unknown) => boolean;

  constructor(private readonly options: FallbackDetectorOptions) {
    this.current = startMode(options);
    this.isAccessDenied = options.isAccessDenied ?? isAccessDeniedError;
  }

  /** Mode in use for most secrets now (after any step down). */
  get mode(): DetectorMode {
    return this.current;
  }

  /** Detects with the current mode, stepping down where it is denied. */
  async detect(requests: readonly SecretRequest[]): Promise<VersionDetections> {
    if (this.current === 'list' && this.options.list) {
      return this.detectByListing(requests, this.options.list);
    }
    if (this.current !== 'ttl' && this.options.describe) {
      return this.detectByDescribing(requests, this.options.describe);
    }
    return this.options.ttl.detect(requests);
  }

  private async detectByListing(
    requests: readonly SecretRequest[],
    list: VersionDetector,
  ): Promise<VersionDetections> {
    const detections = await list.detect(requests);
    const denied = [...detections.values()].some(
      (detection) => !detection.ok && this.isAccessDenied(detection.error),
    );
    if (denied) {
      this.stepDown('describe');
      return this.detect(requests);
    }

    const unlisted = requests.filter((request) =>
      isUnlisted(detections, request),
    );
    if (unlisted.length > 0 && this.options.describe) {
      const described = await this.detectByDescribing(
        unlisted,
        this.options.describe,
      );
      for (const [key, detection] of described) detections.set(key, detection);
    }
    return detections;
  }

  private async detectByDescribing(
    requests: readonly SecretRequest[],
    describe: VersionDetector,
  ): Promise<VersionDetections> {
    const toDescribe = requests.filter((r) => !this.ttlKeys.has(r.key));
    const toRead = requests.filter((r) => this.ttlKeys.has(r.key));
    const detections = await describe.detect(toDescribe);

    for (const request of toDescribe) {
      const detection = detections.get(request.key);
      if (detection && !detection.ok && this.isAccessDenied(detection.error)) {
        this.ttlKeys.add(request.key);
        this.options.onFallback?.('describe', 'ttl', request.secretId);
        toRead.push(request);
      }
    }

    const read = await this.options.ttl.detect(toRead);
    for (const [key, detection] of read) detections.set(key, detection);
    return detections;
  }

  private stepDown(to: DetectorMode): void {
    const from = this.current;
    this.current = this.options.describe ? to : 'ttl';
    this.options.onFallback?.(from, this.current);
  }
}

// The mode asked for, or the next one down when its detector is missing
// (a source without ListSecrets), so that `mode` tells what really runs.
function startMode(options: FallbackDetectorOptions): DetectorMode {
  const { mode, list, describe } = options;
  if (mode === 'list' && list) return 'list';
  if (mode !== 'ttl' && describe) return 'describe';
  return 'ttl';
}

function isUnlisted(
  detections: VersionDetections,
  request: SecretRequest,
): boolean {
  const detection = detections.get(request.key);
  return detection?.ok === true && detection.notListed === true;
}
