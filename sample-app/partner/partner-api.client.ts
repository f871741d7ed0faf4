import { Injectable } from '@nestjs/common';
import { InjectSecret, type SecretRef } from 'nest-aws-secrets';
import { PARTNER_API_KEY_SECRET_ID } from '../secrets/secret-ids.js';

/**
 * Stand-in for a client of a partner's HTTP API that authenticates with an
 * API key. It reads the key on every request, so a rotated key is used
 * without a restart.
 */
@Injectable()
export class PartnerApiClient {
  constructor(
    @InjectSecret(PARTNER_API_KEY_SECRET_ID)
    private readonly apiKey: SecretRef<string>,
  ) {}

  /** Headers to send with each request to the partner API. */
  requestHeaders(): Record<string, string> {
    return { 'x-api-key': this.apiKey.value };
  }
}
