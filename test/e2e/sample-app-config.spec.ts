import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigService } from '@nestjs/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCAL_SECRETS_FILE } from '../../sample-app/config/project-root.js';
import { secretsOptionsFactory } from '../../sample-app/config/secrets-options.factory.js';
import { chooseSecretsSource } from '../../sample-app/config/secrets-source.js';
import { clearAwsEnv } from '../support/env.js';

const ENDPOINT = 'http://127.0.0.1:4566';

function config(values: Record<string, string>): ConfigService {
  return new ConfigService(values);
}

beforeEach(() => {
  // Only the values each test passes count, not the machine's environment.
  clearAwsEnv();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('sample app secrets source', () => {
  it('uses the bundled local file when nothing is configured', () => {
    expect(chooseSecretsSource(config({}))).toEqual({
      kind: 'local-file',
      file: DEFAULT_LOCAL_SECRETS_FILE,
    });
    expect(existsSync(DEFAULT_LOCAL_SECRETS_FILE)).toBe(true);
  });

  it('uses AWS once a Secrets Manager endpoint is configured', () => {
    const source = chooseSecretsSource(
      config({
        AWS_ENDPOINT_URL_SECRETS_MANAGER: ENDPOINT,
        AWS_REGION: 'eu-west-1',
      }),
    );

    expect(source).toEqual({
      kind: 'aws',
      endpoint: ENDPOINT,
      region: 'eu-west-1',
    });
  });

  it('prefers SECRETS_FILE over an endpoint and resolves it from the cwd', () => {
    const source = chooseSecretsSource(
      config({
        SECRETS_FILE: 'conf/secrets.json',
        AWS_ENDPOINT_URL: ENDPOINT,
      }),
    );

    expect(source).toEqual({
      kind: 'local-file',
      file: resolve(process.cwd(), 'conf/secrets.json'),
    });
  });

  it('lets SECRETS_SOURCE=aws select AWS without an endpoint', () => {
    expect(chooseSecretsSource(config({ SECRETS_SOURCE: 'aws' }))).toEqual({
      kind: 'aws',
      endpoint: undefined,
      region: undefined,
    });
  });

  it('rejects an unknown SECRETS_SOURCE', () => {
    expect(() =>
      chooseSecretsSource(config({ SECRETS_SOURCE: 'vault' })),
    ).toThrow(/SECRETS_SOURCE must be "aws" or "local-file"/);
  });
});

describe('sample app secrets options', () => {
  it('passes region, endpoint and tuning to the module', () => {
    const options = secretsOptionsFactory(
      config({
        SECRETS_SOURCE: 'aws',
        AWS_ENDPOINT_URL_SECRETS_MANAGER: ENDPOINT,
        AWS_REGION: 'us-east-1',
        SECRETS_TIMEOUT_MS: '2500',
        SECRETS_REFRESH_INTERVAL_MS: '1000',
      }),
    );

    expect(options).toEqual({
      clientConfig: { endpoint: ENDPOINT, region: 'us-east-1' },
      timeoutMs: 2500,
      refreshIntervalMs: 1000,
    });
  });

  it('leaves client settings to the SDK when none are configured', () => {
    const options = secretsOptionsFactory(config({ SECRETS_SOURCE: 'aws' }));

    expect(options).toEqual({ clientConfig: {} });
  });

  it('rejects a timeout that is not a positive number', () => {
    expect(() =>
      secretsOptionsFactory(config({ SECRETS_TIMEOUT_MS: 'soon' })),
    ).toThrow(/SECRETS_TIMEOUT_MS must be a positive number/);
  });
});
