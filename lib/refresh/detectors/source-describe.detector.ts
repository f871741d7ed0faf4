import type { SecretRequest } from '../../declaration/secret-definition.js';
import type { SecretSource } from '../../source/secret-source.interface.js';
import type {
  VersionDetection,
  VersionDetections,
  VersionDetector,
} from './version-detector.interface.js';

/**
 * Change detection through a custom source's own `describe`, for sources
 * other than AWS that can tell where a stage points without a read.
 */
export class SourceDescribeDetector implements VersionDetector {
  /** Mode this detector implements. */
  readonly mode = 'describe' as const;

  constructor(
    private readonly source: Required<Pick<SecretSource, 'describe'>>,
  ) {}

  /** Describes every request concurrently; failures are per key. */
  async detect(requests: readonly SecretRequest[]): Promise<VersionDetections> {
    const entries = await Promise.all(
      requests.map(async (request): Promise<[string, VersionDetection]> => {
        try {
          const { versionId } = await this.source.describe(request);
          return [request.key, { ok: true, versionId }];
        } catch (error) {
          return [request.key, { ok: false, error }];
        }
      }),
    );
    return new Map(entries);
  }
}
