import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { SecretsHealthIndicator } from 'nest-aws-secrets/health';
import { HealthController } from './health.controller.js';

/** `GET /health` (readiness) and `GET /health/live` (liveness). */
@Module({
  imports: [TerminusModule.forRoot()],
  controllers: [HealthController],
  providers: [SecretsHealthIndicator],
})
export class HealthModule {}
