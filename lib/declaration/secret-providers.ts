import type { Provider } from '@nestjs/common';
import {
  SECRETS_BOOT,
  SECRETS_DECLARATIONS_PREFIX,
} from '../secrets.constants.js';
import { SecretStore } from '../store/secret-store.js';
import { readDefinitions } from './read-definitions.js';
import type {
  SecretDeclaration,
  SecretDefinition,
} from './secret-definition.js';

let registrations = 0;

/** Providers and exports of one registration of secrets. */
export interface SecretProviders {
  readonly providers: Provider[];
  readonly exports: SecretDefinition['token'][];
}

/**
 * The providers of one `secrets` list: one value provider with its
 * definitions (which the boot gate discovers), and one factory per secret
 * that waits for the boot gate, so no consumer is built before it.
 */
export function createSecretProviders(
  declarations: readonly SecretDeclaration[] = [],
): SecretProviders {
  const definitions = readDefinitions(declarations);
  const tokens = [...new Set(definitions.map((d) => d.token))];
  const secretProviders: Provider[] = tokens.map((token) => ({
    provide: token,
    useFactory: (_boot: unknown, store: SecretStore) =>
      store.binding(token)?.target,
    inject: [SECRETS_BOOT, SecretStore],
  }));
  const declarationsProvider: Provider = {
    provide: `${SECRETS_DECLARATIONS_PREFIX}${registrations++}`,
    useValue: definitions,
  };
  return {
    providers: [declarationsProvider, ...secretProviders],
    exports: tokens,
  };
}
