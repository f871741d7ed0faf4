/**
 * nest-aws-secrets/health: the terminus health indicator. A separate entry
 * point, so that `nest-aws-secrets` never loads the optional peer
 * `@nestjs/terminus`.
 */
export {
  SecretsHealthIndicator,
  type SecretsHealthData,
} from './secrets-health.indicator.js';
export { describeSecretHealth, type SecretHealth } from './secret-health.js';
