import 'reflect-metadata';
import { startMotoServer } from '../sample-app/demo/moto-launcher.js';
import { BENCH_CONFIG } from './config.js';
import { checkGoals } from './report/goals.js';
import { goalsTable } from './report/goal-table.js';
import type { BenchResults } from './report/results.js';
import { writeResults } from './report/write-results.js';
import { measureApiCalls } from './scenarios/api-calls.js';
import { measureBoot } from './scenarios/boot.js';
import { measureHotReads } from './scenarios/hot-reads.js';
import { measureMemory } from './scenarios/memory.js';
import {
  expectedDefaultDelay,
  measureRotationDelay,
} from './scenarios/rotation-delay.js';
import { benchClient } from './support/aws-client.js';
import { startCountingProxy } from './support/counting-proxy.js';
import { loadNow, machineInfo } from './support/machine.js';
import { secretIds } from './support/rds-secret.js';
import {
  BOOT_PREFIX,
  CALLS_PREFIX,
  ROTATION_PREFIX,
} from './support/secret-sets.js';
import { createRdsSecrets } from './support/seed-secrets.js';

const log = (line: string) => console.log(`[bench] ${line}`);

/** Hot reads use a small app: the read path does not depend on N. */
const READ_SECRETS = 10;

/**
 * `npm run bench`: starts moto_server, seeds the secrets, runs the five
 * scenarios one after another and writes bench/RESULTS.md and
 * bench/results.json.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const loadAtStart = loadNow();
  const config = BENCH_CONFIG;
  const moto = await startMotoServer();
  log(`moto_server at ${moto.endpoint}`);
  try {
    const bootIds = secretIds(
      BOOT_PREFIX,
      Math.max(...config.bootSizes, config.memorySecrets),
    );
    const callIds = secretIds(CALLS_PREFIX, config.callSecrets);
    const [rotationId] = secretIds(ROTATION_PREFIX, 1);
    const seeder = benchClient(moto.endpoint);
    await createRdsSecrets(seeder, [...bootIds, ...callIds, rotationId]);
    seeder.destroy();
    log(`seeded ${bootIds.length + callIds.length + 1} secrets`);

    const boot = await measureBoot(
      moto.endpoint,
      bootIds,
      config.bootSizes,
      config.bootRuns,
      config.bootWarmupSize,
      config.bootWarmupRounds,
      log,
    );
    const hotReads = await measureHotReads(
      moto.endpoint,
      bootIds.slice(0, READ_SECRETS),
      config.readTaskMs,
    );
    log('hot reads measured');

    const proxy = await startCountingProxy(moto.endpoint);
    const apiCalls = await measureApiCalls(
      proxy,
      callIds,
      config.callIntervalsMs,
      config.callWindowMs,
      log,
    );
    await proxy.close();

    const measured = await measureRotationDelay(
      moto.endpoint,
      rotationId,
      config.rotationIntervalsMs,
      config.rotationTrials,
      log,
    );
    const memory = await measureMemory(moto.endpoint, config.memorySecrets);
    log('memory measured');

    const machine = machineInfo(loadAtStart);
    const results: BenchResults = {
      machine,
      durationS: Math.round((performance.now() - started) / 1000),
      boot,
      hotReads,
      apiCalls,
      rotation: { measured, atDefault: expectedDefaultDelay() },
      memory,
      goals: checkGoals(boot.sizes, hotReads, apiCalls, machine),
    };
    const paths = await writeResults(results);
    console.log(`\n${goalsTable(results.goals)}\n`);
    log(`wrote ${paths.join(' and ')}`);
  } finally {
    await moto.stop();
  }
}

await main();
