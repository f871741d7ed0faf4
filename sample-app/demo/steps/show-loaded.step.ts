import {
  DATABASE_SECRET_ID,
  PARTNER_API_KEY_SECRET_ID,
} from '../../secrets/secret-ids.js';
import { check, required, type DemoStep } from '../demo-step.js';
import { getLoadedPage, versionShown } from '../loaded-page.js';
import { latestVersion } from '../versions.js';

/** Calls `GET /` and checks it shows the versions written, and no value. */
export const showLoadedStep: DemoStep = {
  title: 'GET / shows what was loaded: names, version ids, non-secret fields',
  async run(ctx) {
    const app = required(ctx.app, 'The running app');
    const page = await getLoadedPage(ctx, app.url);
    ctx.narrator.block(JSON.stringify(page.view, null, 2));

    for (const id of [DATABASE_SECRET_ID, PARTNER_API_KEY_SECRET_ID]) {
      const shown = versionShown(page, id);
      check(
        shown === latestVersion(ctx, id),
        `GET / shows ${id} at version ${shown}, expected ${latestVersion(ctx, id)}`,
      );
    }
    const { password, apiKey } = ctx.canaries;
    check(!page.body.includes(password), 'GET / shows the database password');
    check(!page.body.includes(apiKey), 'GET / shows the API key');
    return 'both secrets at the versions just written; no password, no API key';
  },
};
