import { check, type DemoStep } from '../demo-step.js';
import { canaryForms } from '../demo-values.js';

/** Checks that no canary appeared in anything the app printed or served. */
export const leakCheckStep: DemoStep = {
  title: 'Leak check: no secret value in any app log line or HTTP body',
  async run(ctx) {
    const everything = ctx.observed.join('\n');
    for (const [name, value] of Object.entries(ctx.canaries)) {
      for (const form of canaryForms(value)) {
        check(!everything.includes(form), `the ${name} canary leaked`);
      }
    }
    return `${ctx.observed.length} lines and bodies checked, no canary found`;
  },
};
