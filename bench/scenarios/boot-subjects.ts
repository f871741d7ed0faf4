import type { SecretClass } from 'nest-aws-secrets';
import { SecretsService } from 'nest-aws-secrets';
import { InMemorySource } from '../nest/in-memory-source.js';
import { bootEmptyApp, bootSecretsApp } from '../nest/secrets-app.js';
import { loadInParallel } from '../peers/parallel-get.js';
import { loadWithPowertools } from '../peers/powertools.js';
import { loadSequentially } from '../peers/sequential-get.js';
import { rdsSecretValue } from '../support/rds-secret.js';

/** The ways of loading N secrets that the boot scenario compares. */
export const BOOT_METHODS = [
  'library',
  'libraryInMemory',
  'sequential',
  'parallel',
  'powertools',
  'emptyNest',
] as const;

/** One of `BOOT_METHODS`. */
export type BootMethod = (typeof BOOT_METHODS)[number];

/** What one boot leaves: its API calls, and how to release what it holds. */
export interface BootOutcome {
  readonly calls: Record<string, number>;
  /** Closes the app, if any; not part of the timed boot. */
  readonly dispose: () => Promise<void>;
}

/** One boot method, ready to run. */
export interface BootSubject {
  readonly run: () => Promise<BootOutcome>;
}

const nothingToDispose = async () => {};

function expectCount(method: string, loaded: number, wanted: number): void {
  if (loaded !== wanted) {
    throw new Error(`${method} loaded ${loaded} of ${wanted} secrets`);
  }
}

/** Every boot method over the same ids and classes. */
export function bootSubjects(
  endpoint: string,
  ids: readonly string[],
  classes: readonly SecretClass[],
): Record<BootMethod, BootSubject> {
  // The peers destroy their client (a synchronous socket close) before
  // they return; that is inside the timing, and costs microseconds.
  const perSecret = {
    calls: { GetSecretValue: ids.length },
    dispose: nothingToDispose,
  };
  const values = new Map(
    ids.map((id, i) => [id, JSON.stringify(rdsSecretValue(i))]),
  );
  const bootLibrary = async (method: string, source?: InMemorySource) => {
    const app = await bootSecretsApp({
      endpoint,
      secrets: classes,
      module: source ? { source } : {},
    });
    const service = app.get(SecretsService);
    expectCount(method, service.records().length, ids.length);
    return { calls: service.stats().apiCalls, dispose: () => app.close() };
  };
  return {
    library: { run: () => bootLibrary('library') },
    libraryInMemory: {
      run: () => bootLibrary('in-memory', new InMemorySource(values)),
    },
    sequential: {
      run: async () => {
        expectCount(
          'sequential',
          (await loadSequentially(endpoint, ids)).size,
          ids.length,
        );
        return perSecret;
      },
    },
    parallel: {
      run: async () => {
        expectCount(
          'parallel',
          (await loadInParallel(endpoint, ids)).size,
          ids.length,
        );
        return perSecret;
      },
    },
    powertools: {
      run: async () => {
        expectCount(
          'powertools',
          (await loadWithPowertools(endpoint, ids)).length,
          ids.length,
        );
        return perSecret;
      },
    },
    emptyNest: {
      run: async () => {
        const app = await bootEmptyApp();
        return { calls: {}, dispose: () => app.close() };
      },
    },
  };
}
