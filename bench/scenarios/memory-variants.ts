/** What the memory scenario compares, each in its own probe process. */
export const MEMORY_VARIANTS = ['library', 'nest', 'powertools'] as const;

/** One of `MEMORY_VARIANTS`. */
export type MemoryVariant = (typeof MEMORY_VARIANTS)[number];

/** What the memory probe prints. */
export interface MemoryProbeOutput {
  readonly variant: MemoryVariant;
  readonly secrets: number;
  readonly heapDeltaBytes: number;
}
