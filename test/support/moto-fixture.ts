import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll } from 'vitest';
import { secretsClient } from './aws.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { startMotoServer, type MotoServer } from './moto-server.js';

/** moto_server behind a fault proxy, with a client on each side. */
export interface ProxiedMoto {
  readonly moto: MotoServer;
  readonly proxy: FaultProxy;
  /** Straight to moto, with the SDK's default retries: arranges secrets. */
  readonly admin: SecretsManagerClient;
  /**
   * Through the proxy, one attempt per call: one fault is one error, the
   * proxy's counts are the caller's calls, and no SDK backoff runs in real
   * time.
   */
  readonly client: SecretsManagerClient;
  /** Destroys both clients, closes the proxy, then stops moto. */
  stop(): Promise<void>;
}

/** Starts moto_server and a fault proxy in front of it. */
export async function startProxiedMoto(): Promise<ProxiedMoto> {
  const moto = await startMotoServer();
  const proxy = await startFaultProxy(moto.endpoint).catch(async (error) => {
    await moto.stop();
    throw error;
  });
  const admin = secretsClient(moto.endpoint);
  const client = secretsClient(proxy.endpoint, { maxAttempts: 1 });
  return {
    moto,
    proxy,
    admin,
    client,
    async stop() {
      client.destroy();
      admin.destroy();
      await proxy.close();
      await moto.stop();
    },
  };
}

/**
 * Starts one moto_server for the spec file (`beforeAll`) and stops it after
 * the last test (`afterAll`). Returns a handle that reaches the server once
 * it answers; `use`, if given, receives the server then.
 */
export function useMotoServer(
  use: (moto: MotoServer) => void = () => undefined,
): MotoServer {
  let moto: MotoServer | undefined;
  const started = (): MotoServer => {
    if (!moto) throw new Error('moto_server is started in beforeAll');
    return moto;
  };
  beforeAll(async () => {
    moto = await startMotoServer();
    use(moto);
  });
  afterAll(() => moto?.stop());
  return {
    get endpoint() {
      return started().endpoint;
    },
    get port() {
      return started().port;
    },
    stop: () => started().stop(),
    reset: () => started().reset(),
  };
}

/**
 * Starts one `ProxiedMoto` for the spec file (`beforeAll`) and stops it
 * after the last test (`afterAll`); `use` receives it once it answers.
 */
export function useProxiedMoto(use: (aws: ProxiedMoto) => void): void {
  let aws: ProxiedMoto | undefined;
  beforeAll(async () => {
    aws = await startProxiedMoto();
    use(aws);
  });
  afterAll(() => aws?.stop());
}
