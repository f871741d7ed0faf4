import { afterEach, vi } from 'vitest';
import {
  useProxiedMoto,
  type ProxiedMoto,
} from '../../../support/moto-fixture.js';
import {
  bootRefreshApp,
  closeRefreshApps,
  type RefreshApp,
  type RefreshAppOptions,
} from './refresh-app.js';
import { dbSecretClass } from '../../../support/db-secret.js';

/** The parts of a `ProxiedMoto` that booting behind the proxy needs. */
export type ProxiedClient = Pick<ProxiedMoto, 'client' | 'proxy'>;

/**
 * Sets up a refresh spec file: one moto_server behind a fault proxy for the
 * file (`use` receives it), and after each test real timers back, the
 * proxy's faults and counts cleared, and every booted app closed.
 */
export function useRefreshFixture(use: (aws: ProxiedMoto) => void): void {
  let proxy: ProxiedMoto['proxy'] | undefined;
  useProxiedMoto((aws) => {
    proxy = aws.proxy;
    use(aws);
  });
  afterEach(async () => {
    vi.useRealTimers();
    proxy?.reset();
    await closeRefreshApps();
  });
}

/**
 * Boots a refresh app on the proxied client, then clears the proxy's counts,
 * so that a test counts only the calls that follow boot.
 */
export async function bootBehindProxy(
  aws: ProxiedClient,
  options: RefreshAppOptions,
): Promise<RefreshApp> {
  const app = await bootRefreshApp({ client: aws.client, ...options });
  aws.proxy.reset();
  return app;
}

/** Boots, behind the proxy, an app with one database secret bound to `name`. */
export async function bootDbApp(
  aws: ProxiedClient,
  name: string,
  options: Partial<RefreshAppOptions> = {},
) {
  const Db = dbSecretClass(name);
  const app = await bootBehindProxy(aws, { secrets: [Db], ...options });
  return { app, Db, db: app.app.get(Db) };
}
