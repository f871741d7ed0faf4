import { randomBytes } from 'node:crypto';

/** The JSON shape RDS rotation writes into a database secret. */
export interface RdsSecretValue {
  engine: string;
  host: string;
  port: number;
  username: string;
  password: string;
  dbname: string;
  dbInstanceIdentifier: string;
}

/** A realistic RDS secret value with a fresh random password. */
export function rdsSecretValue(index: number): RdsSecretValue {
  const instance = `bench-db-${index}`;
  return {
    engine: 'postgres',
    host: `${instance}.c9akciq32x1b.us-east-1.rds.amazonaws.com`,
    port: 5432,
    username: `app_user_${index}`,
    password: randomBytes(24).toString('base64url'),
    dbname: 'app',
    dbInstanceIdentifier: instance,
  };
}

/** Secret names `<prefix>/0000` … for `count` secrets. */
export function secretIds(prefix: string, count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `${prefix}/${String(i).padStart(4, '0')}`,
  );
}
