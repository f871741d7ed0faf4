import type { DiscoveryService } from '@nestjs/core';
import type { SecretDefinition } from '../declaration/secret-definition.js';
import { SECRETS_DECLARATIONS_PREFIX } from '../secrets.constants.js';

/**
 * Every definition registered by `forRoot`, `forRootAsync` and each
 * `forFeature` of the application, found through their value providers
 * (which Nest resolves before it instantiates anything).
 */
export function collectDefinitions(
  discovery: DiscoveryService,
): SecretDefinition[] {
  return discovery
    .getProviders()
    .filter(
      (wrapper) =>
        typeof wrapper.token === 'string' &&
        wrapper.token.startsWith(SECRETS_DECLARATIONS_PREFIX),
    )
    .flatMap((wrapper) => wrapper.instance as SecretDefinition[]);
}
