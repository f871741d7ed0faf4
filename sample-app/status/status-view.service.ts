import { Injectable } from '@nestjs/common';
import { SecretsService } from 'nest-aws-secrets';
import type { SecretStatusView, StatusView } from './status.view.js';

/**
 * Builds the status page's data from the module's records and derived
 * states. Fields are picked one by one (an allow-list), so nothing but
 * metadata can reach the page.
 */
@Injectable()
export class StatusViewService {
  constructor(private readonly secrets: SecretsService) {}

  /** Every secret's state and rotation history at `now` (epoch ms). */
  view(now = Date.now()): StatusView {
    const records = new Map(this.secrets.records().map((r) => [r.key, r]));
    const secrets = this.secrets.status(now).map((status): SecretStatusView => {
      const record = records.get(status.key);
      return {
        secretId: status.secretId,
        stage: record?.pinnedVersionId
          ? `version ${record.pinnedVersionId}`
          : (record?.versionStage ?? 'AWSCURRENT'),
        state: status.state,
        required: status.required,
        versionId: status.versionId,
        fetchedAt: status.fetchedAt?.toISOString(),
        lastAttemptAt: record?.lastAttemptAt?.toISOString(),
        consecutiveFailures: status.consecutiveFailures,
        lastErrorKind: status.lastError?.kind,
        lastErrorCode: status.lastError?.code,
        refusedVersionId: status.refusedVersionId,
        history: [...(record?.history ?? [])].reverse().map((entry) => ({
          fromVersionId: entry.fromVersionId,
          toVersionId: entry.toVersionId,
          at: entry.at.toISOString(),
        })),
      };
    });
    return { at: new Date(now).toISOString(), secrets };
  }
}
