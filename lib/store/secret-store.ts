import type {
  SecretDefinition,
  SecretRequest,
} from '../declaration/secret-definition.js';
import { toSecretRequest } from '../declaration/request-key.js';
import { installRedaction } from '../decode/redaction.js';
import { RESERVED_KEYS } from '../decode/reserved-keys.js';
import type { SecretErrorKind } from '../errors/error-kind.js';
import {
  conflictingDeclarationMessage,
  incompleteCommitMessage,
  unknownRecordMessage,
} from '../secrets.messages.js';
import { assignSecretRef, SecretRef } from './secret-ref.js';
import type {
  RotationEntry,
  SecretErrorInfo,
  SecretRecord,
  SecretVersionMeta,
} from './secret-record.js';
import { deriveSecretState, type SecretState } from './secret-state.js';

/** Version changes kept per record (oldest dropped first). */
export const ROTATION_HISTORY_LIMIT = 10;

/** A token of the store: a config class or a class-less secret token. */
export type SecretToken = SecretDefinition['token'];

/** One injectable secret: its definition and the live object injected. */
export interface SecretBinding {
  /** The definition it was registered from. */
  readonly definition: SecretDefinition;
  /** The config class instance, or the `SecretRef`, handed to consumers. */
  readonly target: object;
}

/**
 * A new version, decoded and validated for every binding of its record,
 * ready to be committed. Built by `SecretsLoader.prepare`.
 */
export interface PreparedVersion {
  /** Request key of the record. */
  readonly requestKey: string;
  /** Metadata of the new version. */
  readonly meta: SecretVersionMeta;
  /** The validated value of each binding, by token. */
  readonly values: ReadonlyMap<SecretToken, unknown>;
}

/** A failure to record: kind and AWS code, never a message or a value. */
export interface SecretFailure {
  readonly kind: SecretErrorKind;
  readonly code?: string;
}

type MutableRecord = { -readonly [K in keyof SecretRecord]: SecretRecord[K] };

/**
 * Holds one record per request key and one binding per definition, and
 * swaps new versions in atomically. Reads are plain property reads on the
 * bindings: no I/O, no proxy.
 */
export class SecretStore {
  private readonly recordsByKey = new Map<string, MutableRecord>();
  private readonly bindingsByToken = new Map<SecretToken, SecretBinding>();
  // Bindings per record, so that a commit does not scan every binding.
  private readonly bindingsByKey = new Map<string, Set<SecretBinding>>();

  /**
   * Registers a definition: creates its live object and its record when
   * first seen. Registering the same token again with other options throws.
   */
  register(definition: SecretDefinition): SecretBinding {
    const known = this.bindingsByToken.get(definition.token);
    if (known) {
      if (!sameDeclaration(known.definition, definition)) {
        throw new Error(conflictingDeclarationMessage(labelOf(definition)));
      }
      return known;
    }
    const binding = { definition, target: createTarget(definition) };
    this.bindingsByToken.set(definition.token, binding);
    const siblings = this.bindingsByKey.get(definition.requestKey);
    if (siblings) siblings.add(binding);
    else this.bindingsByKey.set(definition.requestKey, new Set([binding]));
    const record = this.recordsByKey.get(definition.requestKey);
    if (record) record.required ||= definition.required;
    else this.recordsByKey.set(definition.requestKey, newRecord(definition));
    return binding;
  }

  /**
   * Removes the binding of a token, and its record when no other binding
   * reads it. Used to undo a late registration whose load failed.
   */
  unregister(token: SecretToken): void {
    const binding = this.bindingsByToken.get(token);
    if (!binding) return;
    this.bindingsByToken.delete(token);
    const { requestKey } = binding.definition;
    const siblings = this.bindingsByKey.get(requestKey);
    siblings?.delete(binding);
    if (!siblings?.size) {
      this.bindingsByKey.delete(requestKey);
      this.recordsByKey.delete(requestKey);
    }
  }

  /** Whether a token was registered. */
  has(token: SecretToken): boolean {
    return this.bindingsByToken.has(token);
  }

  /** The binding of a token, or `undefined`. */
  binding(token: SecretToken): SecretBinding | undefined {
    return this.bindingsByToken.get(token);
  }

  /** Every binding that reads the record `requestKey`. */
  bindingsOf(requestKey: string): SecretBinding[] {
    return [...(this.bindingsByKey.get(requestKey) ?? [])];
  }

  /** The record of a request key, or `undefined`. */
  record(requestKey: string): SecretRecord | undefined {
    return this.recordsByKey.get(requestKey);
  }

  /** Every record, in registration order. */
  records(): readonly SecretRecord[] {
    return [...this.recordsByKey.values()];
  }

  /** One request per record: what a source must fetch. */
  requests(): SecretRequest[] {
    return this.records().map(requestOf);
  }

  /** The request of one record, or `undefined` when it is not registered. */
  request(requestKey: string): SecretRequest | undefined {
    const record = this.recordsByKey.get(requestKey);
    return record && requestOf(record);
  }

  /** The state of a record at `now`; see `SecretState`. */
  state(requestKey: string, now: number, maxStalenessMs: number): SecretState {
    const record = this.recordsByKey.get(requestKey);
    return record ? deriveSecretState(record, now, maxStalenessMs) : 'failing';
  }

  /**
   * Swaps a prepared version in, synchronously: every binding of the
   * record gets the new fields (fields the new value lacks are removed),
   * then the record's metadata. JavaScript runs it to the end before any
   * other code, so no reader sees a mix of two versions.
   */
  commit(version: PreparedVersion, now = new Date()): void {
    const record = this.recordsByKey.get(version.requestKey);
    if (!record) throw new Error(unknownRecordMessage(version.requestKey));
    const bindings = this.bindingsOf(version.requestKey);
    // Check first, write after: a missing value must not leave a half swap.
    for (const b of bindings) {
      if (!version.values.has(b.definition.token)) {
        throw new Error(incompleteCommitMessage(labelOf(b.definition)));
      }
    }
    for (const b of bindings) {
      const value = version.values.get(b.definition.token);
      if (b.target instanceof SecretRef) {
        b.target[assignSecretRef](value, version.meta.versionId);
      } else {
        replaceFields(b.target, value as object);
      }
    }
    const previous = record.current?.versionId;
    if (previous !== undefined && previous !== version.meta.versionId) {
      record.history = appendBounded(record.history, {
        fromVersionId: previous,
        toVersionId: version.meta.versionId,
        at: now,
      });
    }
    record.current = version.meta;
    record.fetchedAt = now;
    record.refusedVersionId = undefined;
    this.markChecked(version.requestKey, now);
  }

  /** Records a success that brought no new version (the value is current). */
  markChecked(requestKey: string, now = new Date()): void {
    const record = this.recordsByKey.get(requestKey);
    if (!record) return;
    record.lastAttemptAt = now;
    record.lastSuccessAt = now;
    record.consecutiveFailures = 0;
    record.lastError = undefined;
  }

  /**
   * Records a failed fetch or check; the value in service stays. Pass the
   * version id when a new version was refused (failed decode or rules).
   */
  recordFailure(
    requestKey: string,
    failure: SecretFailure,
    now = new Date(),
    refusedVersionId?: string,
  ): void {
    const record = this.recordsByKey.get(requestKey);
    if (!record) return;
    const lastError: SecretErrorInfo = { ...failure, at: now };
    record.lastAttemptAt = now;
    record.consecutiveFailures++;
    record.lastError = lastError;
    if (refusedVersionId !== undefined) {
      record.refusedVersionId = refusedVersionId;
      // The source answered: a refusal is a bad value, not an unreachable
      // AWS, so it does not age the secret towards `failing`.
      record.lastSuccessAt = now;
    }
  }
}

function requestOf(record: SecretRecord): SecretRequest {
  return toSecretRequest(record.secretId, {
    versionStage: record.versionStage,
    versionId: record.pinnedVersionId,
  });
}

function labelOf(definition: SecretDefinition): string {
  return typeof definition.token === 'string'
    ? definition.token
    : `${definition.token.name} ("${definition.id}")`;
}

function sameDeclaration(a: SecretDefinition, b: SecretDefinition): boolean {
  return (
    a.requestKey === b.requestKey &&
    a.shape === b.shape &&
    a.key === b.key &&
    a.cls === b.cls &&
    a.required === b.required
  );
}

function createTarget(definition: SecretDefinition): object {
  if (!definition.cls) return new SecretRef(definition.id);
  const instance = new definition.cls();
  installRedaction(instance, definition.cls.name);
  return instance;
}

function newRecord(definition: SecretDefinition): MutableRecord {
  return {
    key: definition.requestKey,
    secretId: definition.id,
    versionStage: definition.versionStage,
    pinnedVersionId: definition.versionId,
    required: definition.required,
    consecutiveFailures: 0,
    history: [],
  };
}

// The loader already drops reserved keys (and warns); this guard keeps a
// value built another way (a custom @Transform) from replacing the
// redaction methods or running a `__proto__` setter.
function replaceFields(target: object, value: object): void {
  const fields = target as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!Object.hasOwn(value, key)) delete fields[key];
  }
  for (const key of Object.keys(value)) {
    if (RESERVED_KEYS.has(key)) continue;
    Object.defineProperty(fields, key, {
      value: (value as Record<string, unknown>)[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}

function appendBounded(
  history: readonly RotationEntry[],
  entry: RotationEntry,
): RotationEntry[] {
  return [...history, entry].slice(-ROTATION_HISTORY_LIMIT);
}
