import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { SecretRequest } from '../../declaration/secret-definition.js';
import { createSecretsError } from '../../errors/create-secrets-error.js';
import { SecretsError } from '../../errors/secrets.error.js';
import {
  localFileInvalidMessage,
  localFileMissingMessage,
  localFileUnreadableMessage,
} from '../../secrets.messages.js';
import type { RawSecret } from '../raw-secret.js';
import type {
  SecretFetchResult,
  SecretSource,
} from '../secret-source.interface.js';
import {
  findLocalSecret,
  parseLocalFile,
  type LocalSecretValue,
} from './parse-local-file.js';

type Entries = Map<string, LocalSecretValue>;

/**
 * Reads secrets from a local JSON file that maps secret ids to values: an
 * object (a JSON secret), a string, or `{ "$binary": "<base64>" }`. Each
 * value's version id is a hash of the value, so an edit is a new version.
 */
export class LocalFileSecretSource implements SecretSource {
  readonly name = 'local-file';
  private readonly file: string;

  constructor(file: string) {
    this.file = resolve(file);
  }

  /** Reads the file once and resolves every request from it. */
  async fetchMany(
    requests: readonly SecretRequest[],
  ): Promise<Map<string, SecretFetchResult>> {
    let entries: Entries | undefined;
    let failure: unknown;
    try {
      entries = await this.read();
    } catch (error) {
      failure = error;
    }
    const results = new Map<string, SecretFetchResult>();
    for (const request of requests) {
      results.set(request.key, this.settle(request, entries, failure));
    }
    return results;
  }

  /** Reads the file and resolves one request; rejects with SecretsError. */
  async fetchOne(request: SecretRequest): Promise<RawSecret> {
    let entries: Entries;
    try {
      entries = await this.read();
    } catch (error) {
      throw this.fileError(error, request.secretId);
    }
    return this.lookup(entries, request);
  }

  /**
   * Calls `onChange` when the file changes. The directory is watched, not
   * the file, because editors save by replacing the file, which ends a
   * watch on the old one. Returns a function that stops watching.
   */
  watch(onChange: () => void): () => void {
    const name = basename(this.file);
    const watcher = watch(dirname(this.file), (_event, changed) => {
      if (changed === null || changed.toString() === name) onChange();
    });
    watcher.unref();
    return () => watcher.close();
  }

  private settle(
    request: SecretRequest,
    entries: Entries | undefined,
    failure: unknown,
  ): SecretFetchResult {
    try {
      if (!entries) throw this.fileError(failure, request.secretId);
      return { ok: true, raw: this.lookup(entries, request) };
    } catch (error) {
      return { ok: false, error: error as SecretsError };
    }
  }

  private async read(): Promise<Entries> {
    const entries = parseLocalFile(await readFile(this.file, 'utf8'));
    if (!entries) throw new InvalidLocalFile();
    return entries;
  }

  private lookup(entries: Entries, request: SecretRequest): RawSecret {
    const raw = findLocalSecret(entries, request);
    if (raw) return raw;
    throw createSecretsError(
      localFileMissingMessage(request.secretId, this.file),
      { kind: 'not-found', secretId: request.secretId },
    );
  }

  private fileError(error: unknown, secretId: string): SecretsError {
    if (error instanceof InvalidLocalFile) {
      return createSecretsError(localFileInvalidMessage(secretId, this.file), {
        kind: 'unknown',
        secretId,
        code: 'LocalFileInvalid',
      });
    }
    const code = (error as NodeJS.ErrnoException).code;
    return createSecretsError(
      localFileUnreadableMessage(secretId, this.file, code),
      {
        kind: code === 'ENOENT' ? 'not-found' : 'unknown',
        secretId,
        code,
        cause: error,
      },
    );
  }
}

/** Marks a file that is not a JSON object; carries no content. */
class InvalidLocalFile extends Error {}
