/**
 * Whether an AWS error means the role lacks the action called. The SDK sets
 * `name` to the error code.
 */
export function isAccessDeniedError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;

  const name = (error as { name?: unknown }).name;
  return name === 'AccessDeniedException' || name === 'AccessDenied';
}
