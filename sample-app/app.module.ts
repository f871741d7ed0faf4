import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { SecretsModule } from 'nest-aws-secrets';
import { AppController } from './app.controller.js';
import { secretsOptionsFactory } from './config/secrets-options.factory.js';
import { HealthModule } from './health/health.module.js';
import { LoadedSecretsService } from './loaded/loaded-secrets.service.js';
import { PartnerModule } from './partner/partner.module.js';
import { DatabaseSecret } from './secrets/database.secret.js';
import { StatusModule } from './status/status.module.js';

/**
 * The sample app: the database secret is declared at the root, the partner
 * API key in `PartnerModule`; both are fetched and validated in one batch
 * before any provider that needs them is built. `/health` and `/status`
 * show their state, never their values.
 */
@Module({
  imports: [
    ConfigModule.forRoot(),
    SecretsModule.forRootAsync({
      imports: [ConfigModule],
      inject: [ConfigService],
      useFactory: secretsOptionsFactory,
      secrets: [DatabaseSecret],
    }),
    PartnerModule,
    HealthModule,
    StatusModule,
  ],
  controllers: [AppController],
  providers: [LoadedSecretsService],
})
export class AppModule {}
