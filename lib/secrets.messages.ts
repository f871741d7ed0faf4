/**
 * Every message text of the module, as builder functions. Each names the
 * secret (name or ARN) and what to check next. None ever takes a value.
 */
import type { SecretErrorKind } from './errors/error-kind.js';
import type { SecretIssue } from './errors/secret-issue.js';

/** What a failure message may mention besides the secret id. */
export interface FailureDetails {
  /** AWS error code, e.g. `ResourceNotFoundException`. */
  readonly code?: string;
  /** Timeout that expired, in milliseconds. */
  readonly timeoutMs?: number;
}

const codeSuffix = (code?: string): string => (code ? ` (${code})` : '');

/** Message of a failed read of `secretId`, by kind of failure. */
export function secretFailureMessage(
  kind: SecretErrorKind,
  secretId: string,
  details: FailureDetails = {},
): string {
  const s = `Secret "${secretId}"`;
  const code = codeSuffix(details.code);
  switch (kind) {
    case 'not-found':
      return `${s} was not found${code}. Check its name or ARN, the region, and the declared version stage or id.`;
    case 'access-denied':
      return `${s} could not be read: access denied${code}. Grant secretsmanager:GetSecretValue on it, and kms:Decrypt on its KMS key.`;
    case 'marked-for-deletion':
      return `${s} is scheduled for deletion${code}. Restore it with RestoreSecret, or declare another secret.`;
    case 'decryption-failed':
      return `${s} could not be decrypted${code}. Check kms:Decrypt on the secret's KMS key.`;
    case 'credentials':
      return `${s} could not be read: AWS credentials are missing, invalid or expired${code}. Check the credential chain (role, profile, environment).`;
    case 'configuration':
      return details.code === 'InvalidRegion'
        ? `${s} could not be read: the configured AWS region is not valid (InvalidRegion). Check AWS_REGION, or clientConfig.region in the SecretsModule options.`
        : `${s} could not be read: no AWS region is configured (RegionMissing). Set the AWS_REGION environment variable, or clientConfig.region in the SecretsModule options (or pass a client built with a region).`;
    case 'throttled':
      return `${s} could not be read: request throttled${code}. Retry later or lower the request rate.`;
    case 'timeout':
      return `${s} could not be read: no answer within ${details.timeoutMs ?? '?'} ms. Check the network path to Secrets Manager, or raise timeoutMs.`;
    case 'network':
      return `${s} could not be read: Secrets Manager was unreachable${code}. Check the endpoint, proxy and network.`;
    case 'server':
      return `${s} could not be read: Secrets Manager failed${code}. This is usually transient; retry later.`;
    case 'wrong-shape':
      return `${s} is not of the declared shape${code}. Check the shape option of its declaration.`;
    case 'not-json':
      return notJsonMessage(secretId);
    case 'invalid':
      return `${s} failed validation.`;
    case 'unknown':
      return `${s} could not be read${code}. Check the AWS error code and the module options.`;
  }
}

/** A value of another shape than declared (`json`, `string` or `binary`). */
export function wrongShapeMessage(
  secretId: string,
  expected: string,
  found: string,
): string {
  return `Secret "${secretId}" is not of the declared shape: expected ${expected}, found ${found}. Check the shape option of its declaration or the stored value type.`;
}

/** A value declared JSON that does not parse as a JSON object. */
export function notJsonMessage(secretId: string): string {
  return `Secret "${secretId}" is declared as a JSON object but its value is not one. Store a JSON object, or declare shape 'string'.`;
}

/** A JSON secret that lacks the key its declaration reads. */
export function missingKeyMessage(secretId: string, key: string): string {
  return `Secret "${secretId}" has no JSON key "${key}". Check the key option of its declaration and the stored keys.`;
}

/** Rules of a config class that failed at one property path (`''`: the root). */
export function invalidMessage(
  secretId: string,
  path: string,
  rules: readonly string[],
): string {
  const where = path ? `at "${path}"` : 'at the root';
  return `Secret "${secretId}" failed validation ${where}: ${rules.join(', ')}. Fix the stored value or the class rules.`;
}

/** Keys of a JSON secret that a config class may not receive were dropped. */
export function reservedKeysDroppedMessage(
  secretId: string,
  versionId: string,
  keys: readonly string[],
): string {
  const list = keys.map((key) => `"${key}"`).join(', ');
  return `Secret "${secretId}" version ${versionId} has reserved JSON key(s) ${list}; they were dropped, because they would replace the redaction methods or reach a prototype. Rename them in the stored value.`;
}

/** class-transformer could not build the config class. */
export function transformFailedMessage(secretId: string, cls: string): string {
  return `Secret "${secretId}" could not be converted to ${cls}. Check the class's class-transformer decorators against the stored keys.`;
}

/** Message of `SecretsBootError`: one issue per line. */
export function bootFailedMessage(issues: readonly SecretIssue[]): string {
  return issueList(
    'Secrets could not be loaded, so the application did not start',
    issues,
  );
}

/** Message of `SecretsBootError` for a module loaded after the boot. */
export function lateLoadFailedMessage(issues: readonly SecretIssue[]): string {
  return issueList(
    'Secrets of a lazily loaded module could not be loaded, so the module was not loaded',
    issues,
  );
}

function issueList(headline: string, issues: readonly SecretIssue[]): string {
  const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
  const lines = issues.map((issue) => `  - ${issue.message}`);
  return [`${headline} (${count}):`, ...lines].join('\n');
}

/** Logged once when `BatchGetSecretValue` is denied. */
export function batchDeniedMessage(): string {
  return 'BatchGetSecretValue was denied; reading secrets one by one with GetSecretValue. Grant secretsmanager:BatchGetSecretValue to load them in batches, or set batch: false.';
}

/** Logged when the boot gate has loaded every secret. */
export function bootLoadedMessage(
  secrets: number,
  fetches: number,
  source: string,
): string {
  return `Loaded ${secrets} secret declaration(s) with ${fetches} fetch(es) from the ${source} source.`;
}

/** Logged when a lazily loaded module's secrets were loaded. */
export function lateSecretsLoadedMessage(secrets: number): string {
  return `Loaded ${secrets} secret declaration(s) registered after the boot (a lazily loaded module); they are refreshed like the others.`;
}

/** A secret provider found no loaded binding (a library bug). */
export function secretNotLoadedMessage(label: string): string {
  return `Secret ${label} was not loaded, so it cannot be injected. This is a bug of nest-aws-secrets; please report it.`;
}

/** Logged when an optional secret failed; the boot continues. */
export function optionalSecretFailedMessage(issue: SecretIssue): string {
  return `${issue.message} The secret is optional, so the application starts without it.`;
}

/** A class listed in `secrets` without `@Secret`. */
export function notDecoratedMessage(cls: string): string {
  return `Class ${cls} is listed as a secret but has no @Secret(id) decorator. Add @Secret('<name or ARN>') to it.`;
}

/** Two declarations of one injection token that disagree. */
export function conflictingDeclarationMessage(token: string): string {
  return `Secret ${token} is declared twice with different options. Declare it once, or give the declarations different stages, versions or keys.`;
}

/** `versionStage` and `versionId` given together. */
export function exclusiveVersionMessage(secretId: string): string {
  return `Secret "${secretId}" declares both versionStage and versionId. Keep one of them.`;
}

/** A secret looked up through `SecretsService` that was never declared. */
export function notDeclaredMessage(label: string): string {
  return `Secret ${label} is not declared. List it in SecretsModule.forRoot, forRootAsync or forFeature.`;
}

/** The local secrets file could not be read. */
export function localFileUnreadableMessage(
  secretId: string,
  file: string,
  code?: string,
): string {
  return `Secret "${secretId}" could not be read from the local file ${file}${codeSuffix(code)}. Check that the file exists and is readable.`;
}

/** The local secrets file is not a JSON object of secret ids. */
export function localFileInvalidMessage(
  secretId: string,
  file: string,
): string {
  return `Secret "${secretId}" could not be read from the local file ${file}: it is not a JSON object mapping secret ids to values. Fix the file.`;
}

/** The local secrets file has no entry for the secret. */
export function localFileMissingMessage(
  secretId: string,
  file: string,
): string {
  return `Secret "${secretId}" was not found in the local file ${file}. Add an entry for it.`;
}

const NUMERIC_TEXT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?\s*$/i;

// What was received, told safely: a type, and a value only when it is a
// number or numeric text (never an object, never arbitrary text).
function describeReceived(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (typeof value === 'string') {
    return NUMERIC_TEXT.test(value)
      ? `the string "${value.trim()}"`
      : 'a string';
  }
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** An option value out of range or of the wrong type. */
export function invalidOptionMessage(
  name: string,
  expected: string,
  received: unknown,
  numeric = true,
): string {
  const hint =
    numeric && typeof received === 'string'
      ? ' Convert environment variables with Number(...).'
      : '';
  return `SecretsModule option ${name} must be ${expected}; got ${describeReceived(received)}.${hint}`;
}

/** A commit for a request key the store does not know (a library bug). */
export function unknownRecordMessage(requestKey: string): string {
  return `No secret record for ${requestKey}; register its definitions before committing.`;
}

/** A commit that lacks the value of one binding (a library bug). */
export function incompleteCommitMessage(label: string): string {
  return `A new version lacks the value of ${label}; nothing was committed.`;
}

/** A source returned no result, or an error that is not a SecretsError. */
export function sourceFailedMessage(secretId: string, source: string): string {
  return `Secret "${secretId}" could not be read: the ${source} source failed without a SecretsError. Check the source implementation.`;
}

// --- Refresh, events and retry (issue 3) ---

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
  return `Change detection for ${scope}: access to secretsmanager:${action} was denied, so ${next}. Grant secretsmanager:${action} to cut API calls, or set refreshMode: '${to}' to silence this message.`;
}

/** A rotation handler threw; the others and the refresh loop go on. */
export function rotationHandlerFailedMessage(
  handler: string,
  secretId: string,
  errorName: string,
): string {
  return `@OnSecretRotated handler ${handler} failed (${errorName}) for secret "${secretId}". Other handlers and refreshes continue; fix the handler.`;
}

/** A refresh check rejected instead of reporting its outcome. */
export function refreshCheckCrashedMessage(
  key: string,
  errorName: string,
): string {
  return `Refresh of "${key}" failed unexpectedly (${errorName}); the last valid value stays in service and the refresh is retried later.`;
}

/** An `@OnSecretRotated` target names no declared secret. */
export function rotationHandlerUnboundMessage(
  handler: string,
  target: string,
): string {
  return `@OnSecretRotated handler ${handler} is not bound: ${target} has no @Secret decorator. Pass a class decorated with @Secret, or a secret id.`;
}

/** What the background refresh does, for its start line. */
export interface RefreshStartDetails {
  /** Detection mode that really runs (after stepping down). */
  readonly mode: string;
  /** Records checked. */
  readonly secrets: number;
  /** Check interval, in milliseconds. */
  readonly intervalMs: number;
  /** What is watched for changes (a local file), if anything. */
  readonly watched?: string;
}

/** Logged when the background refresh starts. */
export function refreshStartedMessage(details: RefreshStartDetails): string {
  const { mode, secrets, intervalMs, watched } = details;
  if (!watched) {
    return `Refreshing ${secrets} secret(s) in ${mode} mode every ${intervalMs} ms (jittered).`;
  }
  const check =
    mode === 'ttl'
      ? `re-reading each secret every ${intervalMs} ms`
      : `checking in ${mode} mode every ${intervalMs} ms`;
  return `Refreshing ${secrets} secret(s): watching ${watched} for changes, and ${check} (jittered).`;
}

/** Logged (debug) when change detection saw a new version. */
export function rotationDetectedMessage(
  secretId: string,
  fromVersionId: string | undefined,
  toVersionId: string,
): string {
  return `Secret "${secretId}": a new version ${toVersionId} is current (in service: ${fromVersionId ?? 'none'}); fetching and validating it.`;
}

/** Logged when a new version passed validation and is in service. */
export function secretRefreshedMessage(
  secretId: string,
  fromVersionId: string | undefined,
  toVersionId: string,
): string {
  return `Secret "${secretId}" refreshed: version ${fromVersionId ?? 'none'} -> ${toVersionId}.`;
}

/** Logged when a new version failed decoding or validation. */
export function versionRefusedMessage(
  secretId: string,
  versionId: string,
  keptVersionId: string | undefined,
  issues: readonly string[],
): string {
  const kept = keptVersionId
    ? `version ${keptVersionId} stays in service`
    : 'no version is in service';
  return `Secret "${secretId}" version ${versionId} was refused, ${kept}: ${issues.join(' ')} A later valid version will be picked up.`;
}

/** Logged when a refresh failed; the last valid value stays in service. */
export function refreshFailedMessage(
  failure: string,
  transient: boolean,
): string {
  const retry = transient
    ? 'retrying with backoff'
    : 'retrying slowly (backoffMaxMs)';
  return `Refresh failed: ${failure} The last valid value stays in service; ${retry}.`;
}

/** Logged (debug) when the local secrets file changed. */
export function localFileChangedMessage(file: string): string {
  return `The local secrets file ${file} changed; reloading it.`;
}

/** Message of a `down` health indicator: the required secrets failing. */
export function secretsDownMessage(secretIds: readonly string[]): string {
  return `Required secret(s) failing: ${secretIds.join(', ')}. Check the last error kind of each, and that the app can reach Secrets Manager.`;
}

/** Message of a `degraded` health indicator: served, but not fresh. */
export function secretsDegradedMessage(secretIds: readonly string[]): string {
  return `Secret(s) served from an older value, or optional and missing: ${secretIds.join(', ')}. See the state of each.`;
}
