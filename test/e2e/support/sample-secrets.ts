/**
 * A valid value of the sample app's database secret (port 5432), holding
 * `password`; `overrides` replace or add fields, e.g. to break one.
 */
export function sampleDatabaseValue(password: string, overrides: object = {}) {
  return {
    engine: 'postgres',
    host: 'orders-db.example.internal',
    port: 5432,
    username: 'orders_app',
    password,
    dbname: 'orders',
    ...overrides,
  };
}
