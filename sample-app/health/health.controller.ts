import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { SecretsHealthIndicator } from 'nest-aws-secrets/health';

/**
 * Readiness and liveness probes. Readiness answers 503 when a required
 * secret is failing past `maxStalenessMs`; liveness only says the process
 * answers, so an orchestrator does not restart it over an AWS outage.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly secrets: SecretsHealthIndicator,
  ) {}

  /** Readiness: the secrets indicator, through terminus. */
  @Get()
  @HealthCheck()
  readiness() {
    return this.health.check([() => this.secrets.isHealthy('secrets')]);
  }

  /** Liveness: no dependency is checked. */
  @Get('live')
  @HealthCheck()
  liveness() {
    return this.health.check([]);
  }
}
