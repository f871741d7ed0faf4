import { DEMO_PLAN } from './demo-plan.js';
import { createDemoContext, runDemo } from './demo-runner.js';

/**
 * `npm run demo`: moto_server, the secrets, the sample app booting on them,
 * `GET /`, and an invalid secret refusing the boot, narrated step by step.
 * Exits 0 when every step behaved, 1 otherwise.
 */
// The SDK warns about the Node version on first use, in the middle of a
// step's narration; the warning is about the machine, not the demo.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const ctx = createDemoContext();
ctx.narrator.banner('nest-aws-secrets demo');

// Ctrl-C still stops moto_server and the app.
process.once('SIGINT', () => {
  void ctx.cleanUp().finally(() => process.exit(130));
});

const ok = await runDemo(DEMO_PLAN, ctx);
process.exit(ok ? 0 : 1);
