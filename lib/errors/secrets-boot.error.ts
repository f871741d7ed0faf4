import {
  bootFailedMessage,
  lateLoadFailedMessage,
} from '../secrets.messages.js';
import type { SecretIssue } from './secret-issue.js';

/**
 * Thrown while the application boots when one or more required secrets
 * could not be loaded, and by a module loaded later (`LazyModuleLoader`)
 * whose secrets fail. `issues` lists every failure of every secret; the
 * message shows one issue per line and no value.
 */
export class SecretsBootError extends Error {
  override name = 'SecretsBootError';
  /** Every failure found during the boot, in declaration order. */
  readonly issues: readonly SecretIssue[];

  /**
   * @param issues - Every failure, in declaration order.
   * @param late - Whether a lazily loaded module failed, after the boot.
   *   Default: `false`.
   */
  constructor(issues: readonly SecretIssue[], late = false) {
    super(late ? lateLoadFailedMessage(issues) : bootFailedMessage(issues));
    this.issues = issues;
  }
}
