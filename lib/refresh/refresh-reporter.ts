import type { SecretRequest } from '../declaration/secret-definition.js';
import { isTransientKind, type SecretErrorKind } from '../errors/error-kind.js';
import type { SecretEvents } from '../events/secret-events.js';
import type { SecretEventSubject } from '../events/secret-rotation-event.js';
import type { SecretsLogger } from '../logging/secrets-logger.js';
import {
  refreshFailedMessage,
  rotationDetectedMessage,
  secretFailureMessage,
  secretRefreshedMessage,
  versionRefusedMessage,
} from '../secrets.messages.js';

/** A failure to report: kind and AWS code, never a value. */
export interface ReportedFailure {
  readonly kind: SecretErrorKind;
  readonly code?: string;
}

// The fields that tell which declared read an event is about.
function subjectOf(request: SecretRequest): SecretEventSubject {
  const { secretId, key, versionStage } = request;
  return versionStage === undefined
    ? { secretId, key }
    : { secretId, key, versionStage };
}

/**
 * Tells the world what a refresh did: log lines (lifecycle at log/debug,
 * failures at warn/error with the AWS code) and events. Takes ids, version
 * ids, kinds and codes only, so no value can reach either.
 */
export class RefreshReporter {
  constructor(
    private readonly logger: SecretsLogger,
    private readonly events: SecretEvents,
    private readonly timeoutMs: number,
  ) {}

  /** Change detection saw a version other than the one in service. */
  detected(secretId: string, from: string | undefined, to: string): void {
    this.logger.debug(rotationDetectedMessage(secretId, from, to));
  }

  /** A new version is in service; emits `rotated` when one was replaced. */
  rotated(
    request: SecretRequest,
    previousVersionId: string | undefined,
    versionId: string,
    at: Date,
  ): void {
    this.logger.log(
      secretRefreshedMessage(request.secretId, previousVersionId, versionId),
    );
    if (previousVersionId === undefined) return;
    this.events.emit({
      type: 'rotated',
      ...subjectOf(request),
      previousVersionId,
      versionId,
      at,
    });
  }

  /** A new version failed decoding or validation and was kept out. */
  refused(
    request: SecretRequest,
    kind: SecretErrorKind,
    versionId: string,
    keptVersionId: string | undefined,
    issues: readonly string[],
    at: Date,
  ): void {
    this.logger.error(
      versionRefusedMessage(request.secretId, versionId, keptVersionId, issues),
    );
    this.events.emit({
      type: 'refused',
      ...subjectOf(request),
      versionId,
      kind,
      at,
    });
  }

  /** A check or fetch failed; the last valid value stays in service. */
  failed(request: SecretRequest, failure: ReportedFailure, at: Date): void {
    const { kind, code } = failure;
    const transient = isTransientKind(kind);
    const text = secretFailureMessage(kind, request.secretId, {
      code,
      timeoutMs: this.timeoutMs,
    });
    const message = refreshFailedMessage(text, transient);
    if (transient) this.logger.warn(message);
    else this.logger.error(message);
    const subject = subjectOf(request);
    this.events.emit(
      code === undefined
        ? { type: 'failed', ...subject, kind, at }
        : { type: 'failed', ...subject, kind, code, at },
    );
  }
}
