import {
  DescribeSecretCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { SecretRequest } from '../../declaration/secret-definition.js';
import { settlePinned } from './pinned-version.js';
import { versionIdForStage } from './stage-version.js';
import type {
  AwsDetectorOptions,
  VersionDetection,
  VersionDetections,
  VersionDetector,
} from './version-detector.interface.js';

/**
 * Change detection with one `DescribeSecret` per secret
 * (`secretsmanager:DescribeSecret`); reads `VersionIdsToStages`. Unlike
 * `ListSecrets`, it reflects a rotation at once.
 */
export class DescribeDetector implements VersionDetector {
  /** Mode this detector implements. */
  readonly mode = 'describe' as const;

  constructor(
    private readonly client: SecretsManagerClient,
    private readonly options: AwsDetectorOptions,
  ) {}

  /** Describes every request concurrently; failures are per key. */
  async detect(requests: readonly SecretRequest[]): Promise<VersionDetections> {
    const detections: VersionDetections = new Map();
    const following = settlePinned(requests, detections);

    await Promise.all(
      following.map(async (request) => {
        detections.set(request.key, await this.describeOne(request));
      }),
    );
    return detections;
  }

  private async describeOne(request: SecretRequest): Promise<VersionDetection> {
    this.options.recordCall?.('DescribeSecret');
    try {
      const output = await this.client.send(
        new DescribeSecretCommand({ SecretId: request.secretId }),
        { abortSignal: AbortSignal.timeout(this.options.timeoutMs) },
      );
      // A secret scheduled for deletion still describes fine; leaving the
      // version unknown makes the refresher read it and report the deletion.
      if (output.DeletedDate) return { ok: true };

      const versionId = versionIdForStage(
        output.VersionIdsToStages,
        request.versionStage,
      );
      return { ok: true, versionId };
    } catch (error) {
      return { ok: false, error };
    }
  }
}
