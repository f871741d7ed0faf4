import { check, required, type DemoStep } from '../demo-step.js';

/** Stops the running app with SIGTERM, as an orchestrator would. */
export const stopAppStep: DemoStep = {
  title: 'Stop the app (SIGTERM, graceful shutdown)',
  async run(ctx) {
    const app = required(ctx.app, 'The running app');
    const code = await app.stop();
    ctx.app = undefined;
    // Nest re-raises the signal after closing, so a clean stop has no code.
    check(code === null || code === 0, `the app exited with code ${code}`);
    return 'the app shut down cleanly';
  },
};
