import { toSecretRequest } from '../declaration/request-key.js';
import type {
  SecretDefinition,
  SecretRequest,
} from '../declaration/secret-definition.js';
import { SecretsBootError } from '../errors/secrets-boot.error.js';
import type { LoadOutcome } from '../loader/load-outcome.js';
import type { SecretsLoader } from '../loader/secrets-loader.js';
import type { SecretsLogger } from '../logging/secrets-logger.js';
import {
  lateSecretsLoadedMessage,
  optionalSecretFailedMessage,
} from '../secrets.messages.js';
import type { SecretStore, SecretToken } from '../store/secret-store.js';

/** Collaborators of `LateSecrets`. */
export interface LateSecretsDeps {
  readonly store: SecretStore;
  readonly loader: SecretsLoader;
  readonly logger: SecretsLogger;
  /** Starts background checks of a record added after the boot. */
  readonly track: (requestKey: string) => void;
}

interface PlannedLoad {
  readonly request: SecretRequest;
  /** Whether the record existed before (another declaration reads it). */
  readonly shared: boolean;
}

/**
 * Loads secrets registered after the boot gate, by a module loaded lazily
 * (`LazyModuleLoader`) that imports `SecretsModule.forFeature`. Same flow
 * as the boot (fetch, decode, validate, commit), one load per token even
 * when several providers ask at once. A required failure rejects with a
 * `SecretsBootError` and undoes the registration, so a later load of the
 * module tries again; nothing undefined is ever injected.
 */
export class LateSecrets {
  private readonly pending = new Map<SecretToken, Promise<void>>();

  constructor(private readonly deps: LateSecretsDeps) {}

  /** Resolves once every definition of `definitions` is in the store. */
  ensure(definitions: readonly SecretDefinition[]): Promise<void> {
    const waits: Promise<void>[] = [];
    const fresh = new Map<SecretToken, SecretDefinition>();
    for (const definition of definitions) {
      const running = this.pending.get(definition.token);
      if (running) waits.push(running);
      else if (!this.deps.store.has(definition.token)) {
        fresh.set(definition.token, definition);
      }
    }
    if (fresh.size > 0) waits.push(this.start([...fresh.values()]));
    return Promise.all(waits).then(() => undefined);
  }

  private start(definitions: readonly SecretDefinition[]): Promise<void> {
    const load = this.load(definitions);
    for (const { token } of definitions) this.pending.set(token, load);
    const settle = () => {
      for (const { token } of definitions) {
        if (this.pending.get(token) === load) this.pending.delete(token);
      }
    };
    load.then(settle, settle);
    return load;
  }

  private async load(definitions: readonly SecretDefinition[]): Promise<void> {
    const { store, loader, logger } = this.deps;
    const plans = this.plan(definitions);
    this.register(definitions);

    const outcomes = await Promise.all(plans.map((plan) => this.fetch(plan)));
    const issues = outcomes.flatMap((o) => (o.ok ? [] : o.issues));
    const fatal = issues.filter((issue) => issue.required);
    if (fatal.length > 0) {
      for (const { token } of definitions) store.unregister(token);
      throw new SecretsBootError(fatal, true);
    }

    const now = new Date();
    plans.forEach((plan, i) => {
      const outcome = outcomes[i];
      // A failure of a record that others read is not theirs to record.
      if (outcome.ok || !plan.shared) loader.apply(outcome, now);
      if (!plan.shared) this.deps.track(plan.request.key);
    });
    for (const issue of issues) logger.warn(optionalSecretFailedMessage(issue));
    logger.log(lateSecretsLoadedMessage(definitions.length));
  }

  private plan(definitions: readonly SecretDefinition[]): PlannedLoad[] {
    const plans = new Map<string, PlannedLoad>();
    for (const d of definitions) {
      if (plans.has(d.requestKey)) continue;
      const request = toSecretRequest(d.id, d);
      const shared = this.deps.store.record(d.requestKey) !== undefined;
      plans.set(d.requestKey, { request, shared });
    }
    return [...plans.values()];
  }

  // All or nothing: a conflicting declaration undoes the ones before it.
  private register(definitions: readonly SecretDefinition[]): void {
    const registered: SecretToken[] = [];
    try {
      for (const d of definitions) {
        this.deps.store.register(d);
        registered.push(d.token);
      }
    } catch (error) {
      for (const token of registered) this.deps.store.unregister(token);
      throw error;
    }
  }

  // A record already in service is read at the version in service, so
  // that its other readers keep the version they have.
  private fetch({ request, shared }: PlannedLoad): Promise<LoadOutcome> {
    const current = this.deps.store.record(request.key)?.current;
    if (!shared || !current) return this.deps.loader.load(request);
    return this.deps.loader.load({
      key: request.key,
      secretId: request.secretId,
      versionId: current.versionId,
    });
  }
}
