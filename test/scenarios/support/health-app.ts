import {
  Controller,
  Get,
  Module,
  type INestApplication,
  type ModuleMetadata,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  HealthCheck,
  HealthCheckService,
  TerminusModule,
} from '@nestjs/terminus';
import { SecretsHealthIndicator } from 'nest-aws-secrets/health';
import { LogCapture } from '../../support/log-capture.js';

@Controller('health')
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly secrets: SecretsHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.secrets.isHealthy('secrets')]);
  }
}

/** `GET /health` with the secrets indicator, as an app would wire it. */
@Module({
  imports: [TerminusModule.forRoot()],
  controllers: [HealthController],
  providers: [SecretsHealthIndicator],
})
export class ScenarioHealthModule {}

/** Boots an HTTP app with `metadata` plus `GET /health`. */
export async function bootHttpApp(
  metadata: ModuleMetadata,
  logs = new LogCapture(),
): Promise<{ app: INestApplication; logs: LogCapture }> {
  const moduleRef = await Test.createTestingModule({
    ...metadata,
    imports: [...(metadata.imports ?? []), ScenarioHealthModule],
  })
    .setLogger(logs)
    .compile();
  const app = moduleRef.createNestApplication({ logger: logs });
  await app.init();
  return { app, logs };
}
