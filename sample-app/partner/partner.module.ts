import { Module } from '@nestjs/common';
import { SecretsModule } from 'nest-aws-secrets';
import { PARTNER_API_KEY_SECRET } from '../secrets/partner-api-key.secret.js';
import { PartnerApiClient } from './partner-api.client.js';

/** A feature module that declares its own secret with `forFeature`. */
@Module({
  imports: [SecretsModule.forFeature([PARTNER_API_KEY_SECRET])],
  providers: [PartnerApiClient],
  exports: [PartnerApiClient],
})
export class PartnerModule {}
