import {
  ListSecretsCommand,
  type SecretListEntry,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { SecretRequest } from '../../declaration/secret-definition.js';
import {
  isListedSecret,
  nameFilterPrefix,
  planNameFilters,
  type NameFilterPlanOptions,
} from './list-filters.js';
import { settlePinned } from './pinned-version.js';
import { versionIdForStage } from './stage-version.js';
import type {
  AwsDetectorOptions,
  VersionDetections,
  VersionDetector,
} from './version-detector.interface.js';

/** Entries per `ListSecrets` page (the API maximum). */
export const LIST_SECRETS_PAGE_SIZE = 100;

/** Settings of `ListSecretsDetector`. */
export interface ListSecretsDetectorOptions
  extends AwsDetectorOptions, NameFilterPlanOptions {}

type Listing =
  | { readonly ok: true; readonly entries: SecretListEntry[] }
  | { readonly ok: false; readonly error: unknown };

/**
 * Change detection with `ListSecrets` (`secretsmanager:ListSecrets`): one
 * call lists up to 100 secrets matching up to 10 name prefixes, with the
 * stages of each version (`SecretVersionsToStages`).
 *
 * `ListSecrets` is eventually consistent: AWS documents that it may not
 * reflect changes of the last five minutes, so a rotation can be seen up
 * to that much later than with `DescribeSecret`. A secret missing from the
 * listing (another account's ARN, just created, scheduled for deletion)
 * is answered with `notListed`, for the caller to describe it instead.
 */
export class ListSecretsDetector implements VersionDetector {
  /** Mode this detector implements. */
  readonly mode = 'list' as const;

  constructor(
    private readonly client: SecretsManagerClient,
    private readonly options: ListSecretsDetectorOptions,
  ) {}

  /** Lists every request's secret in as few calls as the filters allow. */
  async detect(requests: readonly SecretRequest[]): Promise<VersionDetections> {
    const detections: VersionDetections = new Map();
    const following = settlePinned(requests, detections);
    const groups = planNameFilters(
      following.map((request) => nameFilterPrefix(request.secretId)),
      this.options,
    );
    const listings = await Promise.all(
      groups.map((values) => this.listAll(values)),
    );

    for (const request of following) {
      const prefix = nameFilterPrefix(request.secretId);
      const index = groups.findIndex((values) =>
        values.some((value) => prefix.startsWith(value)),
      );
      const listing = listings[index];
      if (!listing.ok) {
        detections.set(request.key, { ok: false, error: listing.error });
        continue;
      }

      const entry = listing.entries.find((candidate) =>
        isListedSecret(request.secretId, candidate),
      );
      detections.set(
        request.key,
        entry
          ? {
              ok: true,
              versionId: versionIdForStage(
                entry.SecretVersionsToStages,
                request.versionStage,
              ),
            }
          : { ok: true, notListed: true },
      );
    }
    return detections;
  }

  private async listAll(values: string[]): Promise<Listing> {
    const entries: SecretListEntry[] = [];
    let nextToken: string | undefined;
    try {
      do {
        this.options.recordCall?.('ListSecrets');
        const page = await this.client.send(
          new ListSecretsCommand({
            Filters: [{ Key: 'name', Values: values }],
            MaxResults: LIST_SECRETS_PAGE_SIZE,
            NextToken: nextToken,
          }),
          { abortSignal: AbortSignal.timeout(this.options.timeoutMs) },
        );
        entries.push(...(page.SecretList ?? []));
        nextToken = page.NextToken;
      } while (nextToken);
    } catch (error) {
      return { ok: false, error };
    }
    return { ok: true, entries };
  }
}
