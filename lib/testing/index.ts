/**
 * Test helpers of nest-aws-secrets, imported from
 * `nest-aws-secrets/testing`: replace every source with given values,
 * still decoded and validated, with no AWS and no environment.
 */
export { InMemorySecretSource } from './in-memory-secret-source.js';
export type { TestSecretValue } from './in-memory-secret-source.js';
export { SECRETS_SOURCE } from '../secrets.constants.js';
