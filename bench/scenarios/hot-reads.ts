import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { SecretsService } from 'nest-aws-secrets';
import { Bench } from 'tinybench';
import {
  rdsSecretClasses,
  type RdsSecretFields,
} from '../nest/rds-secret-class.js';
import { bootSecretsApp } from '../nest/secrets-app.js';
import { getJsonSecret } from '../peers/get-secret-value.js';
import { TtlMapCache } from '../peers/ttl-map-cache.js';
import { benchClient, useLocalAwsEnvironment } from '../support/aws-client.js';
import {
  POWERTOOLS_READ_OPTIONS,
  READ_METHODS,
  READS_PER_ITERATION,
  readSink,
  readTasks,
  type ReadMethod,
} from './read-tasks.js';

export { READS_PER_ITERATION, READ_METHODS, type ReadMethod };

/** Cost of one read by one method. */
export interface ReadResult {
  readonly method: ReadMethod;
  readonly name: string;
  readonly nsPerRead: number;
  /** Relative margin of error of the iteration mean, in percent. */
  readonly rmePercent: number;
  readonly iterations: number;
}

/** Hot-read costs, plus the sink that kept the reads alive. */
export interface HotReadResults {
  readonly reads: ReadResult[];
  readonly sink: number;
}

/**
 * Nanoseconds per read of the `password` field: a plain object (the
 * baseline), the injected instance, `SecretsService.get`, a TTL-checked
 * `Map`, and Powertools' cached `getSecret` (warm, `maxAge` one hour).
 */
export async function measureHotReads(
  endpoint: string,
  ids: readonly string[],
  taskMs: number,
): Promise<HotReadResults> {
  const id = ids[0];
  const classes = rdsSecretClasses(ids);
  const app = await bootSecretsApp({ endpoint, secrets: classes });

  const client = benchClient(endpoint);
  const plain = (await getJsonSecret(client, id)) as unknown as RdsSecretFields;
  client.destroy();
  const map = new TtlMapCache<RdsSecretFields>(60 * 60 * 1000);
  map.set(id, plain);

  // getSecret's default provider builds its client from the environment.
  useLocalAwsEnvironment(endpoint);
  await getSecret(id, POWERTOOLS_READ_OPTIONS);

  const tasks = readTasks({
    id,
    plain,
    injected: app.get<RdsSecretFields>(classes[0]),
    service: app.get(SecretsService),
    cls: classes[0],
    map,
  });
  const bench = new Bench({ time: taskMs, warmupTime: taskMs / 3 });
  for (const [method, task] of Object.entries(tasks)) bench.add(method, task);
  await bench.run();
  await app.close();

  const reads = bench.tasks.map((task): ReadResult => {
    const result = task.result;
    if (result.state !== 'completed') {
      throw new Error(`hot read "${task.name}" ended ${result.state}`);
    }
    const method = task.name as ReadMethod;
    return {
      method,
      name: READ_METHODS[method],
      nsPerRead: (result.latency.p50 * 1e6) / READS_PER_ITERATION,
      rmePercent: result.latency.rme,
      iterations: result.latency.samplesCount,
    };
  });
  return { reads, sink: readSink() };
}
