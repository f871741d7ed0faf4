import { bootFailedMessage } from '../secrets.messages.js';
import type { SecretIssue } from './secret-issue.js';

/**
 * Thrown while the application boots when one or more required secrets
 * could not be loaded. `issues` lists every failure of every secret; the
 * message shows one issue per line and no value.
 */
export class SecretsBootError extends Error {
  override name = 'SecretsBootError';
  /** Every failure found during the boot, in declaration order. */
  readonly issues: readonly SecretIssue[];

  constructor(issues: readonly SecretIssue[]) {
    super(bootFailedMessage(issues));
    this.issues = issues;
  }
}
