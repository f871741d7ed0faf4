import type { SecretRequest } from '../../declaration/secret-definition.js';
import type {
  VersionDetections,
  VersionDetector,
} from './version-detector.interface.js';

/**
 * The least-privilege mode: detects nothing, so the refresher re-reads
 * every value with `GetSecretValue` each interval (a plain TTL). Makes no
 * AWS call itself.
 */
export class TtlDetector implements VersionDetector {
  /** Mode this detector implements. */
  readonly mode = 'ttl' as const;

  /** Answers "cannot tell" for every request not pinned to a version. */
  detect(requests: readonly SecretRequest[]): Promise<VersionDetections> {
    const detections: VersionDetections = new Map();
    for (const request of requests) {
      detections.set(request.key, { ok: true, versionId: request.versionId });
    }
    return Promise.resolve(detections);
  }
}
