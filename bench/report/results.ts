import type { MachineInfo } from '../support/machine.js';
import type { ApiCallResults } from '../scenarios/api-calls.js';
import type { BootResults } from '../scenarios/boot.js';
import type { HotReadResults } from '../scenarios/hot-reads.js';
import type { MemoryResult } from '../scenarios/memory.js';
import type {
  RotationExpectation,
  RotationResult,
} from '../scenarios/rotation-delay.js';

/** One goal of issue 5, checked against the numbers of this run. */
export interface GoalCheck {
  readonly goal: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
  /** Why it was missed (or a caveat), when there is one. */
  readonly note?: string;
}

/** Everything one `npm run bench` measured; written as results.json. */
export interface BenchResults {
  readonly machine: MachineInfo;
  readonly durationS: number;
  readonly boot: BootResults;
  readonly hotReads: HotReadResults;
  readonly apiCalls: ApiCallResults;
  readonly rotation: {
    readonly measured: RotationResult[];
    readonly atDefault: RotationExpectation;
  };
  readonly memory: MemoryResult[];
  readonly goals: GoalCheck[];
}
