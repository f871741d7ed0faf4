import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { secretsClient } from '../../support/aws.js';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.js';
import { startMotoServer, type MotoServer } from '../../support/moto-server.js';

/** One moto_server and fault proxy per spec file, with two clients. */
export interface ScenarioEnv {
  readonly moto: MotoServer;
  readonly proxy: FaultProxy;
  /** Talks to moto directly: sets up and rotates secrets. */
  readonly admin: SecretsManagerClient;
  /** Goes through the proxy with one attempt per call: counts are exact. */
  readonly client: SecretsManagerClient;
}

/** Things to close after each test (apps, modules). */
type Closer = () => Promise<unknown>;

/**
 * Registers hooks that start moto_server and a fault proxy for the spec
 * file, reset the proxy and real timers after each test, and close what
 * `track` was given. Read the fields inside tests only.
 */
export function useScenarioEnv(): ScenarioEnv & {
  track(close: Closer): void;
} {
  const state = {} as {
    moto: MotoServer;
    proxy: FaultProxy;
    admin: SecretsManagerClient;
    client: SecretsManagerClient;
  };
  const closers: Closer[] = [];

  beforeAll(async () => {
    state.moto = await startMotoServer();
    state.proxy = await startFaultProxy(state.moto.endpoint);
    state.admin = secretsClient(state.moto.endpoint);
    state.client = secretsClient(state.proxy.endpoint, { maxAttempts: 1 });
  });

  afterEach(async () => {
    vi.useRealTimers();
    state.proxy.reset();
    for (const close of closers.splice(0).reverse()) await close();
  });

  afterAll(async () => {
    state.client?.destroy();
    state.admin?.destroy();
    await state.proxy?.close();
    await state.moto?.stop();
  });

  return {
    get moto() {
      return state.moto;
    },
    get proxy() {
      return state.proxy;
    },
    get admin() {
      return state.admin;
    },
    get client() {
      return state.client;
    },
    track(close: Closer) {
      closers.push(close);
    },
  };
}
