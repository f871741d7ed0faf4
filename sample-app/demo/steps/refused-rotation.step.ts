import { DATABASE_SECRET_ID } from '../../secrets/secret-ids.js';
import { check, required, type DemoStep } from '../demo-step.js';
import { invalidDatabaseValue } from '../demo-values.js';
import { getLoadedPage, versionShown } from '../loaded-page.js';
import { latestVersion } from '../versions.js';
import { waitFor } from '../wait-for.js';

/**
 * Rotates the database secret to an invalid value while the app runs, and
 * shows the app refuse it and keep serving the version it had.
 */
export const refusedRotationStep: DemoStep = {
  title: 'Rotate to an invalid value while the app runs: refused',
  async run(ctx) {
    const app = required(ctx.app, 'The running app');
    const secrets = required(ctx.secrets, 'The SDK client');
    const serving = latestVersion(ctx, DATABASE_SECRET_ID);
    ctx.narrator.say('port is "not-a-number" and password is missing');
    // Not remembered as the latest version: the app must keep `serving`.
    const refused = await secrets.put(
      DATABASE_SECRET_ID,
      invalidDatabaseValue(ctx.canaries),
    );
    ctx.narrator.say(`  -> ${DATABASE_SECRET_ID} AWSCURRENT is ${refused}`);

    // The live app output above already shows the line; wait for it only.
    await waitFor('the refusal log line', () =>
      app.lines.find(
        (line) => line.includes('was refused') && line.includes(refused),
      ),
    );
    const page = await getLoadedPage(ctx, app.url);
    const shown = versionShown(page, DATABASE_SECRET_ID);
    check(
      shown === serving,
      `GET / shows ${shown} after the refusal, expected ${serving}`,
    );
    return `version ${refused} refused; GET / still serves ${serving}`;
  },
};
