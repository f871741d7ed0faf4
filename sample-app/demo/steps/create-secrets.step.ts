import {
  DATABASE_SECRET_ID,
  PARTNER_API_KEY_SECRET_ID,
} from '../../secrets/secret-ids.js';
import { required, type DemoStep } from '../demo-step.js';
import { databaseValue } from '../demo-values.js';
import { rememberVersion } from '../versions.js';

/** Creates the two secrets the sample app declares, through the AWS SDK. */
export const createSecretsStep: DemoStep = {
  title: 'Create the secrets through the AWS SDK (CreateSecret)',
  async run(ctx) {
    const secrets = required(ctx.secrets, 'The SDK client');
    ctx.narrator.say(
      `${DATABASE_SECRET_ID}: RDS JSON shape (engine, host, port, ` +
        'username, password, dbname); the password is a random canary',
    );
    rememberVersion(
      ctx,
      DATABASE_SECRET_ID,
      await secrets.create(DATABASE_SECRET_ID, databaseValue(ctx.canaries)),
    );
    ctx.narrator.say(
      `${PARTNER_API_KEY_SECRET_ID}: a plain string, also a random canary`,
    );
    rememberVersion(
      ctx,
      PARTNER_API_KEY_SECRET_ID,
      await secrets.create(PARTNER_API_KEY_SECRET_ID, ctx.canaries.apiKey),
    );
    return 'two secrets created; their values are never printed';
  },
};
