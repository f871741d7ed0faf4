import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { filter, Subject, type Observable } from 'rxjs';
import {
  DEFAULT_VERSION_STAGE,
  requestKeyOf,
} from '../declaration/request-key.js';
import type {
  SecretRotatedEvent,
  SecretRotationEvent,
  SecretRotationEventInput,
} from './secret-rotation-event.js';

/**
 * The stream of refresh events. The refresher emits into it;
 * `@OnSecretRotated` handlers and `SecretsService.events$` read from it.
 * Tests can call `emit` to fire a rotation by hand.
 */
@Injectable()
export class SecretEvents implements BeforeApplicationShutdown {
  private readonly subject = new Subject<SecretRotationEvent>();

  /** Every event: rotated, refused and failed. Hot; no replay. */
  readonly events$: Observable<SecretRotationEvent> =
    this.subject.asObservable();

  /** Rotations only. */
  readonly rotated$: Observable<SecretRotatedEvent> = this.events$.pipe(
    filter((event): event is SecretRotatedEvent => event.type === 'rotated'),
  );

  /**
   * Publishes an event; subscribers get a frozen copy. Without `key` (an
   * event fired by hand), the key of `secretId` at `versionStage` (default
   * `AWSCURRENT`) is filled in.
   */
  emit(event: SecretRotationEventInput): void {
    if (this.subject.closed) return;
    const complete =
      event.key === undefined
        ? {
            ...event,
            key: requestKeyOf(event.secretId, {
              versionStage: event.versionStage,
            }),
            versionStage: event.versionStage ?? DEFAULT_VERSION_STAGE,
          }
        : { ...event };
    this.subject.next(Object.freeze(complete) as SecretRotationEvent);
  }

  /**
   * Completes the stream, so subscribers know no event will follow. It runs
   * before Nest closes the HTTP server, which waits for open connections: a
   * server-sent-events response built on `events$` must end first, or
   * shutdown would wait for the client to leave.
   */
  beforeApplicationShutdown(): void {
    this.subject.complete();
  }
}
