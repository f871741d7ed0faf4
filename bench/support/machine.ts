import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { spawnSync } from 'node:child_process';

/** Where and when the benchmark ran. */
export interface MachineInfo {
  readonly date: string;
  readonly node: string;
  readonly os: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly moto: string;
  /** One-minute load average when the run started and when it ended. */
  readonly loadAverage: readonly [number, number];
}

function motoVersion(): string {
  const found = spawnSync(
    'python3',
    ['-c', 'import moto; print(moto.__version__)'],
    { encoding: 'utf8' },
  );
  return found.status === 0 ? found.stdout.trim() : 'unknown';
}

/** The one-minute load average now. */
export const loadNow = (): number => loadavg()[0];

/** Collects the machine facts printed with the results. */
export function machineInfo(loadAtStart: number): MachineInfo {
  const cores = cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    moto: motoVersion(),
    loadAverage: [loadAtStart, loadNow()],
  };
}
