import { isAbsolute, resolve } from 'node:path';
import type { ConfigService } from '@nestjs/config';
import { DEFAULT_LOCAL_SECRETS_FILE } from './project-root.js';

/** Where the sample app reads its secrets from. */
export type SampleSecretsSource =
  | { readonly kind: 'local-file'; readonly file: string }
  | {
      readonly kind: 'aws';
      readonly region?: string;
      readonly endpoint?: string;
    };

/**
 * Decides the secrets source from configuration, in this order:
 *
 * 1. `SECRETS_SOURCE=aws` or `SECRETS_SOURCE=local-file`, when set;
 * 2. `SECRETS_FILE` set: that file (relative to the working directory);
 * 3. an AWS endpoint configured (`AWS_ENDPOINT_URL_SECRETS_MANAGER` or
 *    `AWS_ENDPOINT_URL`): AWS;
 * 4. otherwise `sample-app/secrets.local.json`, so `npm start` needs no
 *    setup.
 */
export function chooseSecretsSource(
  config: ConfigService,
): SampleSecretsSource {
  const explicit = config.get<string>('SECRETS_SOURCE');
  const file = config.get<string>('SECRETS_FILE');
  const endpoint =
    config.get<string>('AWS_ENDPOINT_URL_SECRETS_MANAGER') ??
    config.get<string>('AWS_ENDPOINT_URL');

  if (
    explicit !== undefined &&
    explicit !== 'aws' &&
    explicit !== 'local-file'
  ) {
    throw new Error(
      `SECRETS_SOURCE must be "aws" or "local-file", not "${explicit}"`,
    );
  }
  const useAws = explicit
    ? explicit === 'aws'
    : !file && endpoint !== undefined;
  if (useAws) {
    return { kind: 'aws', region: config.get<string>('AWS_REGION'), endpoint };
  }
  return { kind: 'local-file', file: localFilePath(file) };
}

function localFilePath(file: string | undefined): string {
  if (!file) return DEFAULT_LOCAL_SECRETS_FILE;
  return isAbsolute(file) ? file : resolve(process.cwd(), file);
}
