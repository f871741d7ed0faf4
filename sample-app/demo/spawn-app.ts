import { DEMO_AWS_ENV } from './demo-secrets.js';
import { required, type DemoContext } from './demo-step.js';
import { freePort } from './moto-launcher.js';
import { SampleAppProcess } from './sample-app-process.js';

/**
 * Starts the built sample app on a free port against the demo's
 * moto_server, with dummy credentials and a short refresh interval, and
 * registers its shutdown as a cleanup.
 */
export async function spawnAppAgainstMoto(
  ctx: DemoContext,
  onLine: (line: string) => void = () => {},
): Promise<SampleAppProcess> {
  const moto = required(ctx.moto, 'moto_server');
  const app = SampleAppProcess.spawn(
    await freePort(),
    {
      ...DEMO_AWS_ENV,
      SECRETS_SOURCE: 'aws',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: moto.endpoint,
      SECRETS_REFRESH_INTERVAL_MS: '1000',
    },
    (line) => {
      ctx.observed.push(line);
      onLine(line);
    },
  );
  ctx.defer(`the sample app on port ${app.port}`, async () => {
    if (!app.running) return false;
    await app.stop();
  });
  return app;
}
