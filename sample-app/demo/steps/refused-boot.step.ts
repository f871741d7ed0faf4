import { DATABASE_SECRET_ID } from '../../secrets/secret-ids.js';
import { shortenLogLine } from '../app-output.js';
import { check, type DemoStep } from '../demo-step.js';
import { spawnAppAgainstMoto } from '../spawn-app.js';

/** First line of the boot error as `sample-app/main.ts` reports it. */
const BOOT_REFUSED = /Boot refused:/;

/** Boots a fresh app on the invalid secret and shows the boot is refused. */
export const refusedBootStep: DemoStep = {
  title: 'Boot a fresh app: the invalid secret stops the boot',
  async run(ctx) {
    const app = await spawnAppAgainstMoto(ctx);
    const outcome = await app.booted();
    check(outcome.kind === 'exited', 'the app booted on an invalid secret');
    check(outcome.code === 1, `the app exited with ${outcome.code}, not 1`);

    const start = app.lines.findIndex((line) => BOOT_REFUSED.test(line));
    check(start >= 0, 'the app exited without reporting a SecretsBootError');
    const report = app.lines.slice(start).map(shortenLogLine).join('\n');
    ctx.narrator.say('The app printed (exit code 1):');
    ctx.narrator.block(report);

    check(
      report.includes(DATABASE_SECRET_ID),
      'the error does not name the secret',
    );
    for (const field of ['port', 'password']) {
      check(report.includes(field), `the error does not name "${field}"`);
    }
    return 'one readable error naming the secret and both fields, no value';
  },
};
