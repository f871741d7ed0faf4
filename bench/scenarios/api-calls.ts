import {
  SecretsService,
  type SecretsModuleOptions,
  type SecretsRefreshMode,
} from 'nest-aws-secrets';
import { rdsSecretClasses } from '../nest/rds-secret-class.js';
import { bootSecretsApp } from '../nest/secrets-app.js';
import { peerCallModels, type CallModel } from '../peers/call-models.js';
import {
  countPowertoolsCalls,
  type PowertoolsCalls,
} from '../peers/powertools-calls.js';
import type { CountingProxy } from '../support/counting-proxy.js';
import { quietMoment } from '../support/quiet-moment.js';
import { sleep } from '../support/sleep.js';
import { totalCalls } from '../support/statistics.js';
import { HOUR_MS } from '../support/units.js';
import {
  DEFAULT_JITTER_RATIO,
  DEFAULT_REFRESH_INTERVAL_MS,
} from './library-defaults.js';

/** Refresh modes whose calls are counted. */
export const COUNTED_MODES = ['list', 'describe', 'ttl'] as const;

/** One of `COUNTED_MODES`. */
export type CountedMode = (typeof COUNTED_MODES)[number];

/** The freshness bound of the goal. */
export const BOUND_60S_MS = 60_000;

/** Calls counted for one refresh mode at a fast interval, and scaled. */
export interface ModeCalls {
  readonly mode: SecretsRefreshMode;
  /** Interval the mode ran at while counting. */
  readonly fastIntervalMs: number;
  /** Calls per operation in the counting window. */
  readonly counted: Record<string, number>;
  /** Length of the counting window. */
  readonly windowMs: number;
  /** Secret checks the library recorded in the window (`stats().refreshes`). */
  readonly refreshes: number;
  /** Whole rounds (one check of every secret) in the window. */
  readonly rounds: number;
  /** Calls for one round. */
  readonly callsPerRound: number;
  /** Calls per hour at the default interval (5 min) and at 60 s. */
  readonly perHourDefault: number;
  readonly perHour60s: number;
}

/** Everything the API-call scenario reports. */
export interface ApiCallResults {
  readonly secrets: number;
  readonly modes: ModeCalls[];
  readonly powertools: PowertoolsCalls;
  readonly models: CallModel[];
}

// The mean wait between two checks of a secret, with the default jitter.
// The time a check itself takes is left out, which overstates calls a
// little: the estimate errs against the library.
const meanWaitMs = (intervalMs: number) =>
  intervalMs * (1 - DEFAULT_JITTER_RATIO / 2);

const perHourAt = (callsPerRound: number, intervalMs: number): number =>
  Math.round((callsPerRound * HOUR_MS) / meanWaitMs(intervalMs));

async function countMode(
  proxy: CountingProxy,
  ids: readonly string[],
  mode: SecretsRefreshMode,
  fastIntervalMs: number,
  windowMs: number,
): Promise<ModeCalls> {
  const module: SecretsModuleOptions = {
    refreshMode: mode,
    refreshIntervalMs: fastIntervalMs,
    refreshJitterRatio: DEFAULT_JITTER_RATIO,
  };
  const app = await bootSecretsApp({
    endpoint: proxy.endpoint,
    secrets: rdsSecretClasses(ids),
    module,
  });
  const service = app.get(SecretsService);
  const quietMs = fastIntervalMs / 4;
  // Past the first interval every secret's timer runs in its rhythm.
  await sleep(fastIntervalMs);
  const since = await quietMoment(proxy, quietMs);
  const before = service.stats().refreshes;
  await sleep(windowMs);
  const until = await quietMoment(proxy, quietMs);
  const refreshes = service.stats().refreshes - before;
  await app.close();

  const counted = proxy.counts(since, until);
  // Every check of one secret is one refresh in the stats, in each mode.
  const rounds = refreshes / ids.length;
  const callsPerRound = totalCalls(counted) / rounds;
  return {
    mode,
    fastIntervalMs,
    counted,
    windowMs: until - since,
    refreshes,
    rounds,
    callsPerRound,
    perHourDefault: perHourAt(callsPerRound, DEFAULT_REFRESH_INTERVAL_MS),
    perHour60s: perHourAt(callsPerRound, BOUND_60S_MS),
  };
}

/**
 * API calls per hour for `ids.length` secrets, counted by the proxy on real
 * calls to moto_server. Each mode runs at a fast interval; calls per round
 * (one check of every secret), counted between two quiet moments, times
 * rounds per hour at the target interval gives calls per hour. Powertools
 * runs at its default maxAge, unscaled. No secret rotates during the count.
 */
export async function measureApiCalls(
  proxy: CountingProxy,
  ids: readonly string[],
  fastIntervalsMs: Readonly<Record<CountedMode, number>>,
  windowMs: number,
  log: (line: string) => void,
): Promise<ApiCallResults> {
  const modes: ModeCalls[] = [];
  for (const mode of COUNTED_MODES) {
    const interval = fastIntervalsMs[mode];
    modes.push(await countMode(proxy, ids, mode, interval, windowMs));
    log(`api calls: mode ${mode} counted`);
  }
  const powertools = await countPowertoolsCalls(proxy, ids, windowMs);
  log('api calls: powertools counted');
  return {
    secrets: ids.length,
    modes,
    powertools,
    models: peerCallModels(ids.length),
  };
}
