import { DATABASE_SECRET_ID } from '../../secrets/secret-ids.js';
import { required, type DemoStep } from '../demo-step.js';
import { invalidDatabaseValue } from '../demo-values.js';
import { rememberVersion } from '../versions.js';

/** Overwrites the database secret with a value that fails validation. */
export const writeInvalidSecretStep: DemoStep = {
  title: 'Break the database secret (PutSecretValue with an invalid value)',
  async run(ctx) {
    const secrets = required(ctx.secrets, 'The SDK client');
    ctx.narrator.say('port is "not-a-number" and password is missing');
    rememberVersion(
      ctx,
      DATABASE_SECRET_ID,
      await secrets.put(DATABASE_SECRET_ID, invalidDatabaseValue(ctx.canaries)),
    );
    return 'AWSCURRENT now points at the invalid value';
  },
};
