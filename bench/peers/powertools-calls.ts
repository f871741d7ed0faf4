import type { CountingProxy } from '../support/counting-proxy.js';
import { sleep } from '../support/sleep.js';
import { totalCalls } from '../support/statistics.js';
import { HOUR_MS } from '../support/units.js';
import {
  POWERTOOLS_DEFAULT_MAX_AGE_S,
  powertoolsProvider,
} from './powertools.js';

/** Pause between two reads of one secret by a reader. */
const READ_PAUSE_MS = 5;

/** Powertools' calls, counted at its default `maxAge`. */
export interface PowertoolsCalls {
  readonly maxAgeS: number;
  readonly windowMs: number;
  readonly counted: Record<string, number>;
  readonly perHourDefault: number;
}

/**
 * Calls per hour of Powertools at its default `maxAge` while every secret
 * is read continuously, as a busy service would, each by its own reader.
 * Readers start spread over one maxAge, so refetches do not all fall in
 * the same instant, and counting starts once all are running.
 */
export async function countPowertoolsCalls(
  proxy: CountingProxy,
  ids: readonly string[],
  windowMs: number,
): Promise<PowertoolsCalls> {
  const maxAgeS = POWERTOOLS_DEFAULT_MAX_AGE_S;
  const maxAgeMs = maxAgeS * 1000;
  const provider = powertoolsProvider(proxy.endpoint);
  const options = { transform: 'json', maxAge: maxAgeS } as const;
  let reading = true;
  const readers = ids.map(async (id, index) => {
    await sleep((index * maxAgeMs) / ids.length);
    while (reading) {
      await provider.get(id, options);
      await sleep(READ_PAUSE_MS);
    }
  });
  await sleep(maxAgeMs);
  const since = performance.now();
  await sleep(windowMs);
  const until = performance.now();
  reading = false;
  await Promise.all(readers);
  provider.client.destroy();

  const counted = proxy.counts(since, until);
  const callsPerMs = totalCalls(counted) / (until - since);
  return {
    maxAgeS,
    windowMs: until - since,
    counted,
    perHourDefault: Math.round(callsPerMs * HOUR_MS),
  };
}
