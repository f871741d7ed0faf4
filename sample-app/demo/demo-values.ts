import { randomBytes } from 'node:crypto';
import type { DemoCanaries } from './demo-step.js';

/** Fresh canaries: random values that must never show up in any output. */
export function makeCanaries(): DemoCanaries {
  const canary = () => `CANARY-${randomBytes(12).toString('hex')}`;
  return { password: canary(), apiKey: canary() };
}

/** A valid database secret in the RDS rotation JSON shape. */
export function databaseValue(
  canaries: DemoCanaries,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    engine: 'postgres',
    host: 'orders-db.cluster-demo.us-east-1.rds.amazonaws.com',
    port: 5432,
    username: 'orders_app',
    password: canaries.password,
    dbname: 'orders',
    ...overrides,
  };
}

/**
 * An invalid database secret, as a broken rotation might write it: the
 * port is not a number and the password is missing.
 */
export function invalidDatabaseValue(
  canaries: DemoCanaries,
): Record<string, unknown> {
  const { password: _dropped, ...rest } = databaseValue(canaries, {
    port: 'not-a-number',
  });
  return rest;
}

/** Forms of a canary to look for: as is, base64 and URL-encoded. */
export function canaryForms(value: string): string[] {
  return [
    value,
    Buffer.from(value).toString('base64'),
    encodeURIComponent(value),
  ];
}
