import type { DemoContext, DemoStep } from './demo-step.js';
import { makeCanaries } from './demo-values.js';
import { Narrator } from './narrator.js';

/** A demo context with nothing started yet. */
export function createDemoContext(narrator = new Narrator()): DemoContext {
  const cleanups: { what: string; cleanup: () => Promise<unknown> }[] = [];
  return {
    narrator,
    canaries: makeCanaries(),
    versions: new Map(),
    observed: [],
    defer: (what, cleanup) => void cleanups.push({ what, cleanup }),
    cleanUp: async () => {
      // Reverse order: the app stops before moto_server, which it talks to.
      for (const { what, cleanup } of cleanups.splice(0).reverse()) {
        try {
          const stopped = (await cleanup()) !== false;
          narrator.say(
            stopped ? `stopped ${what}` : `${what}: already stopped`,
          );
        } catch (error) {
          narrator.say(`could not stop ${what}: ${String(error)}`);
        }
      }
    },
  };
}

/**
 * Runs the steps in order, narrating each, and stops at the first that
 * fails. Everything started is stopped at the end, success or not.
 * Resolves with `true` when every step behaved.
 */
export async function runDemo(
  steps: readonly DemoStep[],
  ctx: DemoContext,
): Promise<boolean> {
  const { narrator } = ctx;
  let ok = true;
  try {
    for (const [index, step] of steps.entries()) {
      narrator.step(index + 1, steps.length, step.title);
      try {
        narrator.verdict(true, await step.run(ctx));
      } catch (error) {
        narrator.verdict(
          false,
          error instanceof Error ? error.message : String(error),
        );
        ok = false;
        break;
      }
    }
  } finally {
    narrator.heading('Stop everything the demo started');
    await ctx.cleanUp();
  }
  narrator.say(ok ? 'Demo finished: every step behaved.' : 'Demo FAILED.');
  return ok;
}
