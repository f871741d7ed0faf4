import type { SecretRequest } from '../../declaration/secret-definition.js';
import type { VersionDetections } from './version-detector.interface.js';

/**
 * Splits off requests pinned to a version id: a pinned version never
 * moves, so it needs no AWS call. Their detections are filled in `into`.
 */
export function settlePinned(
  requests: readonly SecretRequest[],
  into: VersionDetections,
): SecretRequest[] {
  const following: SecretRequest[] = [];
  for (const request of requests) {
    if (request.versionId) {
      into.set(request.key, { ok: true, versionId: request.versionId });
    } else {
      following.push(request);
    }
  }
  return following;
}
