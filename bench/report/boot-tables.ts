import {
  BOOT_METHODS,
  type BootResult,
  type BootWarmup,
} from '../scenarios/boot.js';
import { ratio } from '../support/statistics.js';
import { counts, ms, table, times } from './format.js';

/** Median boot times and ratios per size. */
export function bootTable(boot: BootResult[]): string {
  return table(
    [
      'N',
      'runs',
      'nest-aws-secrets',
      'ours, in-memory source',
      'sequential loop',
      'Promise.all',
      'Powertools parallel',
      'empty Nest app',
      'seq ÷ ours',
      'Promise.all ÷ ours',
      'Powertools ÷ ours',
      'our API calls',
    ],
    boot.map(({ secrets, runs, methods: m }) => [
      String(secrets),
      String(runs),
      ms(m.library.medianMs),
      ms(m.libraryInMemory.medianMs),
      ms(m.sequential.medianMs),
      ms(m.parallel.medianMs),
      ms(m.powertools.medianMs),
      ms(m.emptyNest.medianMs),
      times(ratio(m.sequential.medianMs, m.library.medianMs)),
      times(ratio(m.parallel.medianMs, m.library.medianMs)),
      times(ratio(m.powertools.medianMs, m.library.medianMs)),
      counts(m.library.apiCalls),
    ]),
  );
}

const BOOT_LABELS: Record<(typeof BOOT_METHODS)[number], string> = {
  library: 'nest-aws-secrets',
  libraryInMemory: 'ours, in-memory source',
  sequential: 'sequential loop',
  parallel: 'Promise.all',
  powertools: 'Powertools parallel',
  emptyNest: 'empty Nest app',
};

/** The warm-up rounds: the first boot of each method in the process. */
export function warmupTable(warmup: BootWarmup): string {
  const rounds = BOOT_METHODS.map((m) => warmup.samplesMs[m].length);
  return table(
    [
      `Warm-up at N=${warmup.secrets} (discarded)`,
      ...Array.from({ length: Math.max(...rounds) }, (_, i) =>
        i === 0 ? 'round 1 (cold)' : `round ${i + 1}`,
      ),
    ],
    BOOT_METHODS.map((m) => [
      BOOT_LABELS[m],
      ...warmup.samplesMs[m].map((value) => ms(value)),
    ]),
  );
}
