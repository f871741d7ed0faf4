import { DemoSecrets } from '../demo-secrets.js';
import type { DemoStep } from '../demo-step.js';
import { startMotoServer } from '../moto-launcher.js';

/** Starts moto_server, a local Secrets Manager, on a free port. */
export const startMotoStep: DemoStep = {
  title: 'Start moto_server (a local AWS Secrets Manager) on 127.0.0.1',
  async run(ctx) {
    const moto = await startMotoServer();
    ctx.moto = moto;
    ctx.defer(`moto_server at ${moto.endpoint}`, () => moto.stop());
    const secrets = new DemoSecrets(moto.endpoint);
    ctx.secrets = secrets;
    ctx.defer("the demo's AWS SDK client", async () => secrets.close());
    return `moto_server answers at ${moto.endpoint}`;
  },
};
