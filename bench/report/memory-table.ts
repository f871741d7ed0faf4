import type { MemoryResult } from '../scenarios/memory.js';
import { num, table } from './format.js';

const MEMORY_LABELS: Record<MemoryResult['variant'], string> = {
  library: 'nest-aws-secrets (Nest app, validated classes)',
  nest: 'Nest app, N plain factory providers (Nest alone)',
  powertools: 'Powertools cache (parsed JSON)',
};

/** Heap bytes per cached secret, and ours net of Nest's own share. */
export function memoryTable(memory: MemoryResult[]): string {
  const of = (variant: MemoryResult['variant']) =>
    memory.find((m) => m.variant === variant);
  const rows = memory.map((m) => [
    MEMORY_LABELS[m.variant],
    `${num(m.heapDeltaBytes / 1024)} KiB`,
    `${num(m.smallDeltaBytes / 1024)} KiB`,
    `${num(m.baselineDeltaBytes / 1024)} KiB`,
    num(m.bytesPerSecret),
    num(m.marginalBytesPerSecret),
  ]);
  const ours = of('library');
  const nest = of('nest');
  if (ours && nest) {
    rows.push([
      'nest-aws-secrets minus Nest alone',
      '',
      '',
      '',
      num(ours.bytesPerSecret - nest.bytesPerSecret),
      num(ours.marginalBytesPerSecret - nest.marginalBytesPerSecret),
    ]);
  }
  const [first] = memory;
  return table(
    [
      'Variant',
      `growth, N=${first?.secrets}`,
      `growth, N=${first?.smallSecrets}`,
      'growth, N=0',
      'bytes/secret vs N=0',
      `bytes/secret, N=${first?.smallSecrets}→${first?.secrets}`,
    ],
    rows,
  );
}
