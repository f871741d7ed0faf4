import type { Provider } from '@nestjs/common';
import { LateSecrets } from '../boot/late-secrets.js';
import {
  SECRETS_BOOT,
  SECRETS_DECLARATIONS_PREFIX,
} from '../secrets.constants.js';
import { secretNotLoadedMessage } from '../secrets.messages.js';
import { SecretStore, type SecretToken } from '../store/secret-store.js';
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

function labelOf(token: SecretToken): string {
  return typeof token === 'string' ? token : token.name;
}

/**
 * The providers of one `secrets` list: one value provider with its
 * definitions (which the boot gate discovers), and one factory per secret
 * that waits for the boot gate, so no consumer is built before it. A
 * factory built after the boot (a module loaded lazily) loads its
 * registration's secrets first, through `LateSecrets`.
 */
export function createSecretProviders(
  declarations: readonly SecretDeclaration[] = [],
): SecretProviders {
  const definitions = readDefinitions(declarations);
  const tokens = [...new Set(definitions.map((d) => d.token))];
  const secretProviders: Provider[] = tokens.map((token) => ({
    provide: token,
    useFactory: async (
      _boot: unknown,
      store: SecretStore,
      late: LateSecrets,
    ) => {
      // A no-op unless this registration came after the boot, or another
      // late registration of the same secret is still loading.
      await late.ensure(definitions);
      const binding = store.binding(token);
      // Never inject undefined: a consumer would fail far from the cause.
      if (!binding) throw new Error(secretNotLoadedMessage(labelOf(token)));
      return binding.target;
    },
    inject: [SECRETS_BOOT, SecretStore, LateSecrets],
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
