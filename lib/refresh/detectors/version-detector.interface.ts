import type { SecretRequest } from '../../declaration/secret-definition.js';

/** Change detection modes a detector implements. */
export type DetectorMode = 'list' | 'describe' | 'ttl';

/**
 * Where the requested stage of one secret points now.
 *
 * `versionId: undefined` means "cannot tell": the refresher re-reads the
 * value with `GetSecretValue`, which also reports why (not found, deleted).
 */
export type VersionDetection =
  | {
      readonly ok: true;
      readonly versionId?: string;
      /** Set by `ListSecrets` when the secret is not in the listing. */
      readonly notListed?: true;
    }
  | { readonly ok: false; readonly error: unknown };

/** Outcome per request key. */
export type VersionDetections = Map<string, VersionDetection>;

/**
 * Cheap change detection for a set of requests, without reading values.
 * Never rejects for a single secret: failures are returned per key.
 */
export interface VersionDetector {
  /** Mode this detector implements. */
  readonly mode: DetectorMode;
  /** Detects where each request's stage points now. */
  detect(requests: readonly SecretRequest[]): Promise<VersionDetections>;
}

/** Records one AWS API call by operation name, e.g. `ListSecrets`. */
export type ApiCallRecorder = (operation: string) => void;

/** Common settings of the AWS detectors. */
export interface AwsDetectorOptions {
  /** Upper bound of one AWS call, in milliseconds. */
  readonly timeoutMs: number;
  /** Called once per AWS call sent. Default: no-op. */
  readonly recordCall?: ApiCallRecorder;
}
