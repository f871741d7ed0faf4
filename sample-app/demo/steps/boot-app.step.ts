import { isNarrated, shortenLogLine } from '../app-output.js';
import { check, type DemoStep } from '../demo-step.js';
import { spawnAppAgainstMoto } from '../spawn-app.js';

/** Boots the built sample app against moto_server and waits until it listens. */
export const bootAppStep: DemoStep = {
  title:
    'Boot the sample app against moto_server (node dist/sample-app/main.js)',
  async run(ctx) {
    const app = await spawnAppAgainstMoto(ctx, (line) => {
      if (isNarrated(line)) ctx.narrator.say(`app> ${shortenLogLine(line)}`);
    });
    const outcome = await app.booted();
    check(
      outcome.kind === 'listening',
      `the app exited during boot (code ${
        outcome.kind === 'exited' ? outcome.code : '?'
      }) instead of listening`,
    );
    ctx.app = app;
    return `the app fetched and validated its secrets and listens on ${app.url}`;
  },
};
