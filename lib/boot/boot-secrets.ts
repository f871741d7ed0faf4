import type { SecretDefinition } from '../declaration/secret-definition.js';
import { SecretsBootError } from '../errors/secrets-boot.error.js';
import type { SecretsLoader } from '../loader/secrets-loader.js';
import type { SecretsLogger } from '../logging/secrets-logger.js';
import {
  bootLoadedMessage,
  optionalSecretFailedMessage,
} from '../secrets.messages.js';
import type { SecretStore } from '../store/secret-store.js';

/** What the boot gate resolves to once every secret is loaded. */
export interface SecretsBootResult {
  /** When the boot gate finished. */
  readonly loadedAt: Date;
  /** Number of injectable secrets registered. */
  readonly declarations: number;
  /** Number of distinct fetches made (shared by several declarations). */
  readonly fetches: number;
}

/** Collaborators of the boot gate. */
export interface BootSecretsDeps {
  readonly store: SecretStore;
  readonly loader: SecretsLoader;
  readonly logger: SecretsLogger;
  /** Short name of the source, for the log line. */
  readonly sourceName: string;
}

/**
 * The boot gate: registers every definition, loads all secrets in one
 * concurrent batch, and throws one `SecretsBootError` listing every issue
 * of every required secret. Optional failures are logged and skipped.
 */
export async function bootSecrets(
  definitions: readonly SecretDefinition[],
  deps: BootSecretsDeps,
): Promise<SecretsBootResult> {
  const { store, loader, logger } = deps;
  for (const definition of definitions) store.register(definition);
  const issues = await loader.loadAll();
  const fatal = issues.filter((issue) => issue.required);
  if (fatal.length > 0) throw new SecretsBootError(fatal);
  for (const issue of issues) logger.warn(optionalSecretFailedMessage(issue));
  const fetches = store.records().length;
  const declarations = new Set(definitions.map((d) => d.token)).size;
  logger.log(bootLoadedMessage(declarations, fetches, deps.sourceName));
  return { loadedAt: new Date(), declarations, fetches };
}
