import { SecretsService } from 'nest-aws-secrets';
import { rdsSecretClass } from '../nest/rds-secret-class.js';
import { bootSecretsApp } from '../nest/secrets-app.js';
import { benchClient } from '../support/aws-client.js';
import { rdsSecretValue } from '../support/rds-secret.js';
import { putRdsSecret } from '../support/seed-secrets.js';
import { sleep } from '../support/sleep.js';
import { median, range } from '../support/statistics.js';
import {
  DEFAULT_JITTER_RATIO,
  DEFAULT_REFRESH_INTERVAL_MS,
} from './library-defaults.js';

/** Rotation delays measured at one refresh interval. */
export interface RotationResult {
  readonly intervalMs: number;
  readonly trials: number;
  /** Rotations the app picked up before the deadline. */
  readonly seen: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly samplesMs: number[];
  /** Expected worst case: one full interval plus one check. */
  readonly boundMs: number;
}

/** Rotation delay at the default interval, from the settings. */
export interface RotationExpectation {
  readonly intervalMs: number;
  readonly boundMs: number;
  readonly meanMs: number;
}

/** Expected delay at the default settings; it is not waited for. */
export function expectedDefaultDelay(): RotationExpectation {
  const interval = DEFAULT_REFRESH_INTERVAL_MS;
  return {
    intervalMs: interval,
    boundMs: interval,
    // A rotation lands at a uniform point of a period of mean length.
    meanMs: (interval * (1 - DEFAULT_JITTER_RATIO / 2)) / 2,
  };
}

const POLL_MS = 1;

async function waitForPassword(
  read: () => string,
  password: string,
  deadlineMs: number,
): Promise<number | undefined> {
  const start = performance.now();
  while (performance.now() - start < deadlineMs) {
    if (read() === password) return performance.now() - start;
    await sleep(POLL_MS);
  }
  return undefined;
}

/**
 * Time from a `PutSecretValue` answer to the injected instance serving the
 * new password, at each interval. Each rotation waits a random part of
 * the interval first, so rotations land at random points of the schedule.
 */
export async function measureRotationDelay(
  endpoint: string,
  secretId: string,
  intervalsMs: readonly number[],
  trialsFor: (intervalMs: number) => number,
  log: (line: string) => void,
): Promise<RotationResult[]> {
  const cls = rdsSecretClass(secretId, 0);
  const client = benchClient(endpoint);
  const results: RotationResult[] = [];
  for (const intervalMs of intervalsMs) {
    const app = await bootSecretsApp({
      endpoint,
      secrets: [cls],
      module: { refreshIntervalMs: intervalMs },
    });
    const service = app.get(SecretsService);
    const samples: number[] = [];
    const trials = trialsFor(intervalMs);
    for (let trial = 0; trial < trials; trial++) {
      await sleep(Math.random() * intervalMs);
      const value = rdsSecretValue(trial);
      await putRdsSecret(client, secretId, value);
      const delay = await waitForPassword(
        () => service.get(cls).password,
        value.password,
        2 * intervalMs + 5_000,
      );
      if (delay !== undefined) samples.push(delay);
    }
    await app.close();
    log(`rotation: ${intervalMs} ms interval measured`);
    const [minMs, maxMs] = samples.length ? range(samples) : [NaN, NaN];
    results.push({
      intervalMs,
      trials,
      seen: samples.length,
      medianMs: median(samples),
      minMs,
      maxMs,
      samplesMs: samples,
      boundMs: intervalMs,
    });
  }
  client.destroy();
  return results;
}
