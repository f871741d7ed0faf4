import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { SecretClass, SecretsService } from 'nest-aws-secrets';
import type { RdsSecretFields } from '../nest/rds-secret-class.js';
import type { TtlMapCache } from '../peers/ttl-map-cache.js';

/** Reads per timed iteration: one read is far below the timer's resolution. */
export const READS_PER_ITERATION = 1_000;

/** The read methods compared, by key, with their labels. */
export const READ_METHODS = {
  plain: 'plain object field (baseline)',
  injected: 'injected instance field',
  serviceField: 'SecretsService.get(Class).password',
  serviceGet: 'SecretsService.get(Class)',
  ttlMap: 'Map + TTL check, field',
  powertools: 'Powertools getSecret (cached, maxAge 1 h), field',
} as const;

/** A key of `READ_METHODS`. */
export type ReadMethod = keyof typeof READ_METHODS;

/** What the read tasks read from. */
export interface ReadSubjects {
  readonly id: string;
  readonly plain: RdsSecretFields;
  readonly injected: RdsSecretFields;
  readonly service: SecretsService;
  readonly cls: SecretClass<RdsSecretFields>;
  readonly map: TtlMapCache<RdsSecretFields>;
}

/** Options of the Powertools reads: JSON, cached for an hour. */
export const POWERTOOLS_READ_OPTIONS = {
  transform: 'json',
  maxAge: 3600,
} as const;

// Every read adds into this module-level sink, reported at the end, so
// that the JIT cannot drop a read whose result would otherwise be unused.
let sink = 0;

/** The accumulated sink; report it so the reads stay observable. */
export const readSink = (): number => sink;

// Reads go through a small array of references to the same object, so the
// field load cannot be hoisted out of the loop; both field reads pay the
// same array load.
const SLOTS = 8;
const MASK = SLOTS - 1;
const slotsOf = <T>(value: T): T[] => new Array<T>(SLOTS).fill(value);

/**
 * One task per read method. Each loop is written out on purpose: a shared
 * loop calling a callback would make that call site megamorphic, and the
 * call would then cost more than the reads it is meant to compare.
 */
export function readTasks(s: ReadSubjects): Record<ReadMethod, () => unknown> {
  const plain = slotsOf(s.plain);
  const injected = slotsOf(s.injected);
  const { service, cls, map, id } = s;
  return {
    plain: () => {
      let local = 0;
      for (let i = 0; i < READS_PER_ITERATION; i++) {
        local += plain[i & MASK].password.length;
      }
      sink += local;
    },
    injected: () => {
      let local = 0;
      for (let i = 0; i < READS_PER_ITERATION; i++) {
        local += injected[i & MASK].password.length;
      }
      sink += local;
    },
    serviceField: () => {
      let local = 0;
      for (let i = 0; i < READS_PER_ITERATION; i++) {
        local += service.get(cls).password.length;
      }
      sink += local;
    },
    serviceGet: () => {
      let local = 0;
      for (let i = 0; i < READS_PER_ITERATION; i++) {
        if (service.get(cls) === injected[i & MASK]) local++;
      }
      sink += local;
    },
    ttlMap: () => {
      let local = 0;
      for (let i = 0; i < READS_PER_ITERATION; i++) {
        local += map.get(id)!.password.length;
      }
      sink += local;
    },
    powertools: async () => {
      let local = 0;
      for (let i = 0; i < READS_PER_ITERATION; i++) {
        const value = await getSecret(id, POWERTOOLS_READ_OPTIONS);
        local += (value as unknown as RdsSecretFields).password.length;
      }
      sink += local;
    },
  };
}
