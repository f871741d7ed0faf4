import { SECRET_METADATA, secretToken } from '../secrets.constants.js';
import {
  exclusiveVersionMessage,
  notDecoratedMessage,
} from '../secrets.messages.js';
import type { SecretDecoratorMetadata } from './secret.decorator.js';
import { discriminatorOf, requestKeyOf } from './request-key.js';
import type {
  SecretClass,
  SecretDeclaration,
  SecretDefinition,
} from './secret-definition.js';

function metadataOf(declaration: SecretDeclaration): SecretDecoratorMetadata {
  if (typeof declaration !== 'function') return declaration;
  const metadata: SecretDecoratorMetadata | undefined = Reflect.getMetadata(
    SECRET_METADATA,
    declaration,
  );
  if (!metadata) throw new Error(notDecoratedMessage(declaration.name));
  return metadata;
}

/** Resolves one class or descriptor into its definition. */
export function readDefinition(
  declaration: SecretDeclaration,
): SecretDefinition {
  const metadata = metadataOf(declaration);
  const { id, versionId, key } = metadata;
  if (versionId && metadata.versionStage) {
    throw new Error(exclusiveVersionMessage(id));
  }
  const versionStage = versionId
    ? undefined
    : (metadata.versionStage ?? 'AWSCURRENT');
  const cls =
    typeof declaration === 'function'
      ? (declaration as SecretClass)
      : undefined;
  return {
    id,
    versionStage,
    versionId,
    shape: metadata.shape ?? 'json',
    key,
    required: metadata.required ?? true,
    cls,
    token:
      cls ?? secretToken(id, discriminatorOf({ versionStage, versionId, key })),
    requestKey: requestKeyOf(id, { versionStage, versionId }),
  };
}

/** Resolves the `secrets` list of a registration into definitions. */
export function readDefinitions(
  declarations: readonly SecretDeclaration[] = [],
): SecretDefinition[] {
  return declarations.map(readDefinition);
}
