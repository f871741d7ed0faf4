import { DATABASE_SECRET_ID } from '../../secrets/secret-ids.js';
import { required, type DemoStep } from '../demo-step.js';
import { databaseValue } from '../demo-values.js';
import { getLoadedPage, versionShown } from '../loaded-page.js';
import { rememberVersion } from '../versions.js';
import { waitFor } from '../wait-for.js';

/**
 * Rotates the database secret while the app runs (PutSecretValue, as a
 * finished rotation leaves it) and waits for the app to serve it.
 */
export const rotateDatabaseStep: DemoStep = {
  title: 'Rotate the database secret while the app runs (PutSecretValue)',
  async run(ctx) {
    const app = required(ctx.app, 'The running app');
    const secrets = required(ctx.secrets, 'The SDK client');
    ctx.narrator.say('alternating users: the new version logs in as a clone');
    const versionId = await secrets.put(
      DATABASE_SECRET_ID,
      databaseValue(ctx.canaries, { username: 'orders_app_clone' }),
    );
    rememberVersion(ctx, DATABASE_SECRET_ID, versionId);

    // The live app output above already shows the line; wait for it only.
    await waitFor('the refresh log line', () =>
      app.lines.find(
        (line) => line.includes('refreshed') && line.includes(versionId),
      ),
    );
    const page = await waitFor('GET / showing the new version', async () => {
      const loaded = await getLoadedPage(ctx, app.url);
      const shown = versionShown(loaded, DATABASE_SECRET_ID);
      return shown === versionId ? loaded : undefined;
    });
    ctx.narrator.block(JSON.stringify(page.view.secrets[0], null, 2));
    return `the app serves version ${versionId} without a restart`;
  },
};
