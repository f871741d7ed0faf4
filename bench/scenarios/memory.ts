import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  MEMORY_VARIANTS,
  type MemoryProbeOutput,
  type MemoryVariant,
} from './memory-variants.js';

const run = promisify(execFile);
const PROBE = fileURLToPath(new URL('./memory-probe.js', import.meta.url));

/** Heap cost per cached secret of one variant. */
export interface MemoryResult {
  readonly variant: MemoryVariant;
  readonly secrets: number;
  /** Heap growth across the boot with N secrets, with N/5, and with none. */
  readonly heapDeltaBytes: number;
  readonly smallSecrets: number;
  readonly smallDeltaBytes: number;
  readonly baselineDeltaBytes: number;
  /** (growth with N − growth with none) / N. */
  readonly bytesPerSecret: number;
  /** (growth with N − growth with N/5) / (N − N/5): no one-off costs. */
  readonly marginalBytesPerSecret: number;
}

async function heapDelta(
  endpoint: string,
  variant: MemoryVariant,
  secrets: number,
): Promise<number> {
  // A fresh process per probe: nothing another scenario loaded is counted.
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', PROBE, endpoint, variant, String(secrets)],
    { maxBuffer: 1 << 20 },
  );
  return (JSON.parse(stdout) as MemoryProbeOutput).heapDeltaBytes;
}

/**
 * Heap bytes per cached secret: the library (a Nest app whose module holds
 * N validated instances), a Nest app with N plain factory providers (Nest's
 * own share), and Powertools' cache of N parsed values. Each boot runs in
 * a child process with `--expose-gc`, with N, N/5 and no secrets. The
 * difference to the empty boot also holds one-off costs (code compiled on
 * first use, the SDK client's first call); the slope from N/5 to N does
 * not.
 */
export async function measureMemory(
  endpoint: string,
  secrets: number,
): Promise<MemoryResult[]> {
  const small = Math.round(secrets / 5);
  const results: MemoryResult[] = [];
  for (const variant of MEMORY_VARIANTS) {
    const full = await heapDelta(endpoint, variant, secrets);
    const part = await heapDelta(endpoint, variant, small);
    const empty = await heapDelta(endpoint, variant, 0);
    results.push({
      variant,
      secrets,
      heapDeltaBytes: full,
      smallSecrets: small,
      smallDeltaBytes: part,
      baselineDeltaBytes: empty,
      bytesPerSecret: Math.round((full - empty) / secrets),
      marginalBytesPerSecret: Math.round((full - part) / (secrets - small)),
    });
  }
  return results;
}
