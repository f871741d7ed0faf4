import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SecretsService, type SecretKey } from 'nest-aws-secrets';
import { chooseSecretsSource } from '../config/secrets-source.js';
import { DatabaseSecret } from '../secrets/database.secret.js';
import { PARTNER_API_KEY_SECRET_ID } from '../secrets/secret-ids.js';
import type {
  LoadedSecretView,
  LoadedSecretsView,
} from './loaded-secrets.view.js';

/**
 * Describes the loaded secrets without their values. Non-secret fields are
 * picked by name (an allow-list): the instance is never spread, so a field
 * added to the secret later cannot leak through this view. `username` stays
 * out too: with alternating-users rotation it is half of the credential.
 */
@Injectable()
export class LoadedSecretsService {
  constructor(
    private readonly secrets: SecretsService,
    private readonly database: DatabaseSecret,
    private readonly config: ConfigService,
  ) {}

  /** Builds the view in one synchronous pass, so it never mixes versions. */
  view(): LoadedSecretsView {
    const { engine, host, port, dbname } = this.database;
    return {
      source: chooseSecretsSource(this.config).kind,
      secrets: [
        {
          ...this.describe(DatabaseSecret),
          fields: { engine, host, port, dbname },
        },
        this.describe(PARTNER_API_KEY_SECRET_ID),
      ],
    };
  }

  private describe(secret: SecretKey): LoadedSecretView {
    const metadata = this.secrets.metadata(secret);
    return {
      name: metadata.secretId,
      versionId: metadata.versionId,
      versionStages: [...metadata.versionStages],
      fetchedAt: metadata.fetchedAt?.toISOString(),
    };
  }
}
