import { RdsClassPool } from '../nest/rds-secret-class.js';
import { median, range, timeMs } from '../support/statistics.js';
import {
  BOOT_METHODS,
  bootSubjects,
  type BootMethod,
  type BootOutcome,
  type BootSubject,
} from './boot-subjects.js';

export { BOOT_METHODS, type BootMethod };

/** Boot timings of one method at one size. */
export interface BootTiming {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly samplesMs: number[];
  /** API calls one boot made (from the library's stats, or by design). */
  readonly apiCalls: Record<string, number>;
}

/** Timings of the discarded warm-up rounds; the first is a cold boot. */
export interface BootWarmup {
  readonly secrets: number;
  readonly samplesMs: Record<BootMethod, number[]>;
}

/** Everything the boot scenario measured. */
export interface BootResults {
  readonly warmup: BootWarmup;
  readonly sizes: BootResult[];
}

/** Boot results at one size. */
export interface BootResult {
  readonly secrets: number;
  readonly runs: number;
  readonly methods: Record<BootMethod, BootTiming>;
}

// Only the boot is timed, not the closing of the app afterwards.
async function timeRun(subject: BootSubject) {
  let outcome: BootOutcome | undefined;
  const ms = await timeMs(async () => {
    outcome = await subject.run();
  });
  await outcome?.dispose();
  return { ms, calls: outcome?.calls ?? {} };
}

/**
 * Boot to ready at each size, methods interleaved run by run so that a
 * noisy moment hurts every method alike. Discarded rounds of every method
 * at `warmupSize` first let the JIT compile the hot paths of each (our
 * boot settles after three or four boots of 100 secrets), so no method is
 * timed while it is still being compiled.
 */
export async function measureBoot(
  endpoint: string,
  ids: readonly string[],
  sizes: readonly number[],
  runsFor: (secrets: number) => number,
  warmupSize: number,
  warmupRounds: number,
  log: (line: string) => void,
): Promise<BootResults> {
  const pool = new RdsClassPool(ids);
  const warmIds = ids.slice(0, warmupSize);
  const warm = bootSubjects(endpoint, warmIds, pool.first(warmupSize));
  const warmSamples = Object.fromEntries(
    BOOT_METHODS.map((method) => [method, [] as number[]]),
  ) as Record<BootMethod, number[]>;
  for (let round = 0; round < warmupRounds; round++) {
    for (const method of BOOT_METHODS) {
      warmSamples[method].push((await timeRun(warm[method])).ms);
    }
  }
  log(`boot: ${warmupRounds} warm-up rounds at N=${warmupSize} done`);

  const results: BootResult[] = [];
  for (const size of sizes) {
    const sizeIds = ids.slice(0, size);
    const all = bootSubjects(endpoint, sizeIds, pool.first(size));
    const runs = runsFor(size);
    const samples = new Map<BootMethod, number[]>();
    const calls = new Map<BootMethod, Record<string, number>>();
    for (let run = 0; run < runs; run++) {
      // Rotating the order keeps any method from always running first.
      for (let i = 0; i < BOOT_METHODS.length; i++) {
        const method = BOOT_METHODS[(i + run) % BOOT_METHODS.length];
        const { ms, calls: made } = await timeRun(all[method]);
        samples.set(method, [...(samples.get(method) ?? []), ms]);
        calls.set(method, made);
      }
      log(`boot N=${size}: run ${run + 1}/${runs} done`);
    }
    const methods = Object.fromEntries(
      BOOT_METHODS.map((method) => {
        const values = samples.get(method) ?? [];
        const [minMs, maxMs] = range(values);
        const timing: BootTiming = {
          medianMs: median(values),
          minMs,
          maxMs,
          samplesMs: values,
          apiCalls: calls.get(method) ?? {},
        };
        return [method, timing];
      }),
    ) as Record<BootMethod, BootTiming>;
    results.push({ secrets: size, runs, methods });
  }
  return {
    warmup: { secrets: warmupSize, samplesMs: warmSamples },
    sizes: results,
  };
}
