import type { SecretDefinition } from '../declaration/secret-definition.js';
import type { SecretIssue } from '../errors/secret-issue.js';
import type { SecretsError } from '../errors/secrets.error.js';
import { invalidMessage, transformFailedMessage } from '../secrets.messages.js';
import type { PropertyIssue } from '../validation/validation-issues.js';

/** The issue of a `SecretsError`, for a record read by `required` bindings. */
export function issueFromError(
  error: SecretsError,
  required: boolean,
): SecretIssue {
  const { secretId, kind, code, message } = error;
  return code === undefined
    ? { secretId, kind, required, message }
    : { secretId, kind, code, required, message };
}

/** The issues of a config class whose rules failed. */
export function issuesFromRules(
  definition: SecretDefinition,
  properties: readonly PropertyIssue[],
): SecretIssue[] {
  return properties.map(({ path, rules }) => ({
    secretId: definition.id,
    kind: 'invalid',
    // A rule of the object itself has no path: the message says "root".
    ...(path ? { path } : {}),
    rules,
    required: definition.required,
    message: invalidMessage(definition.id, path, rules),
  }));
}

/** The issue of a config class that could not be built at all. */
export function transformFailedIssue(
  definition: SecretDefinition,
): SecretIssue {
  const cls = definition.cls?.name ?? 'its class';
  return {
    secretId: definition.id,
    kind: 'invalid',
    required: definition.required,
    message: transformFailedMessage(definition.id, cls),
  };
}
