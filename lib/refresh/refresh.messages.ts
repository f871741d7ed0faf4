/**
 * Log and error texts of the refresh, events and retry parts, as builder
 * functions. None takes a secret value. To be merged into
 * `secrets.messages.ts`.
 */

/** Change detection stepped down because the role lacks an action. */
export function detectorFallbackMessage(
  from: string,
  to: string,
  secretId?: string,
): string {
  const action = from === 'list' ? 'ListSecrets' : 'DescribeSecret';
  const scope = secretId ? `secret "${secretId}"` : 'all secrets';
  const next =
    to === 'ttl'
      ? 'each refresh now reads the value with GetSecretValue'
      : `refresh now uses ${to === 'describe' ? 'DescribeSecret' : to}`;
  return (
    `Change detection for ${scope}: access to secretsmanager:${action} ` +
    `was denied, so ${next}. Grant secretsmanager:${action} to cut API ` +
    `calls, or set refreshMode: '${to}' to silence this message.`
  );
}

/** A rotation handler threw; the others and the refresh loop go on. */
export function rotationHandlerFailedMessage(
  handler: string,
  secretId: string,
  errorName: string,
): string {
  return (
    `@OnSecretRotated handler ${handler} failed (${errorName}) for secret ` +
    `"${secretId}". Other handlers and refreshes continue; fix the handler.`
  );
}

/** A refresh check rejected instead of reporting its outcome. */
export function refreshCheckCrashedMessage(
  key: string,
  errorName: string,
): string {
  return (
    `Refresh of "${key}" failed unexpectedly (${errorName}); the last valid ` +
    `value stays in service and the refresh is retried later.`
  );
}

/** An `@OnSecretRotated` target names no declared secret. */
export function rotationHandlerUnboundMessage(
  handler: string,
  target: string,
): string {
  return (
    `@OnSecretRotated handler ${handler} is not bound: ${target} has no ` +
    `@Secret decorator. Pass a class decorated with @Secret, or a secret id.`
  );
}
