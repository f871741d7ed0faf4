import type { ApiCallResults } from '../scenarios/api-calls.js';
import { ratio } from '../support/statistics.js';
import { counts, ms, num, table, times } from './format.js';

/** Calls per hour: the library per mode, Powertools counted, peer models. */
export function callsTable(calls: ApiCallResults): string {
  const ttl60 = calls.secrets * 60;
  const rows = calls.modes.flatMap((m) => [
    [
      `nest-aws-secrets, \`${m.mode}\`, default interval 5 min`,
      num(m.perHourDefault),
      times(ratio(ttl60, m.perHourDefault)),
      'counted, scaled',
    ],
    [
      `nest-aws-secrets, \`${m.mode}\`, refreshIntervalMs 60000`,
      num(m.perHour60s),
      times(ratio(ttl60, m.perHour60s)),
      'counted, scaled',
    ],
  ]);
  rows.push([
    'Powertools getSecret, default maxAge 5 s, read continuously',
    num(calls.powertools.perHourDefault),
    times(ratio(ttl60, calls.powertools.perHourDefault)),
    'counted',
  ]);
  for (const model of calls.models) {
    rows.push([
      `${model.name} (${model.rule})`,
      num(model.callsPerHour),
      times(ratio(ttl60, model.callsPerHour)),
      'model',
    ]);
  }
  return table(
    [
      `Setting (${calls.secrets} secrets)`,
      'API calls per hour',
      '× fewer calls than a 60 s GetSecretValue TTL',
      'source',
    ],
    rows,
  );
}

/** What the proxy counted per mode at its short interval. */
export function countedTable(calls: ApiCallResults): string {
  return table(
    [
      'Mode',
      'refreshIntervalMs',
      'calls counted',
      'window',
      'secret checks (stats)',
      'rounds',
      'calls per round',
    ],
    calls.modes.map((m) => [
      `\`${m.mode}\``,
      num(m.fastIntervalMs),
      counts(m.counted),
      ms(m.windowMs),
      num(m.refreshes),
      num(m.rounds),
      num(m.callsPerRound),
    ]),
  );
}
