/**
 * Child process of the memory scenario, run with `node --expose-gc`: boots
 * one variant holding N secrets and prints the heap growth as JSON.
 * Usage: memory-probe.js <endpoint> <variant> <N>, variant one of
 * `MEMORY_VARIANTS`.
 */
import { rdsSecretClasses } from '../nest/rds-secret-class.js';
import { bootPlainProvidersApp } from '../nest/plain-providers-app.js';
import { bootSecretsApp } from '../nest/secrets-app.js';
import { powertoolsProvider } from '../peers/powertools.js';
import { rdsSecretValue, secretIds } from '../support/rds-secret.js';
import { eachLimited } from '../support/seed-secrets.js';
import { sleep } from '../support/sleep.js';
import { BOOT_PREFIX } from '../support/secret-sets.js';
import type { MemoryProbeOutput, MemoryVariant } from './memory-variants.js';

// Several collections with turns of the event loop in between, so that
// weak references and finalizers settle before heapUsed is read.
async function settledHeap(): Promise<number> {
  const gc = globalThis.gc;
  if (!gc) throw new Error('run the memory probe with node --expose-gc');
  for (let i = 0; i < 4; i++) {
    gc();
    await sleep(10);
  }
  return process.memoryUsage().heapUsed;
}

async function library(endpoint: string, ids: string[]): Promise<number> {
  // The classes are the app's code, loaded before the boot; not cache.
  const secrets = rdsSecretClasses(ids);
  const before = await settledHeap();
  const app = await bootSecretsApp({ endpoint, secrets });
  const after = await settledHeap();
  await app.close();
  return after - before;
}

async function nest(_endpoint: string, ids: string[]): Promise<number> {
  const tokens = rdsSecretClasses(ids);
  const values = ids.map((_, i) => JSON.stringify(rdsSecretValue(i)));
  const before = await settledHeap();
  const app = await bootPlainProvidersApp(tokens, values);
  const after = await settledHeap();
  await app.close();
  return after - before;
}

async function powertools(endpoint: string, ids: string[]): Promise<number> {
  const provider = powertoolsProvider(endpoint);
  const before = await settledHeap();
  // A few at a time, about as many sockets as the library's batch calls.
  await eachLimited(ids, 5, async (id) => {
    await provider.get(id, { transform: 'json', maxAge: 3600 });
  });
  const after = await settledHeap();
  provider.client.destroy();
  return after - before;
}

async function main(): Promise<void> {
  const [endpoint, variant, count] = process.argv.slice(2);
  const ids = secretIds(BOOT_PREFIX, Number(count));
  const measures: Record<MemoryVariant, typeof library> = {
    library,
    nest,
    powertools,
  };
  const measure = measures[variant as MemoryVariant];
  const output: MemoryProbeOutput = {
    variant: variant as MemoryVariant,
    secrets: ids.length,
    heapDeltaBytes: await measure(endpoint, ids),
  };
  process.stdout.write(JSON.stringify(output));
}

await main();
