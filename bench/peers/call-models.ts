/** One peer's API-call model: calls per hour for a number of secrets. */
export interface CallModel {
  readonly name: string;
  /** What is called, and how often. */
  readonly rule: string;
  readonly callsPerHour: number;
}

const HOUR_S = 3600;

/**
 * API calls per hour of the usual alternatives, computed from their
 * documented refresh rules (values read continuously, none rotating):
 *
 * - AWS Secrets Manager caching libraries (Java, Python, .NET, Go):
 *   after the TTL, `DescribeSecret` per secret; `GetSecretValue` only
 *   when the version moved. Default TTL one hour.
 * - Powertools `getSecret`: `GetSecretValue` per secret per `maxAge`
 *   (default 5 s) while read.
 * - A TTL on `GetSecretValue` (the seed notes' cache), here 60 s.
 */
export function peerCallModels(secrets: number): CallModel[] {
  const perTtl = (ttlS: number) => secrets * (HOUR_S / ttlS);
  return [
    {
      name: 'AWS caching libraries, default TTL 1 h',
      rule: 'DescribeSecret per secret per hour',
      callsPerHour: perTtl(3600),
    },
    {
      name: 'AWS caching libraries, TTL 60 s',
      rule: 'DescribeSecret per secret per 60 s',
      callsPerHour: perTtl(60),
    },
    {
      name: 'Powertools getSecret, default maxAge 5 s',
      rule: 'GetSecretValue per secret per 5 s',
      callsPerHour: perTtl(5),
    },
    {
      name: 'GetSecretValue with a 60 s TTL',
      rule: 'GetSecretValue per secret per 60 s',
      callsPerHour: perTtl(60),
    },
  ];
}
