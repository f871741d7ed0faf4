import { describe, expect, it } from 'vitest';
import { createSecretsError } from '../../../../lib/errors/create-secrets-error.js';
import { SecretConfigurationError } from '../../../../lib/errors/secret-configuration.error.js';
import { secretFailureMessage } from '../../../../lib/secrets.messages.js';
import {
  awsErrorCode,
  classifyAwsError,
} from '../../../../lib/source/aws/classify-aws-error.js';

describe('client configuration errors of the SDK', () => {
  it.each([
    [new Error('Region is missing'), 'RegionMissing'],
    [
      new Error(
        'Region not accepted: region="x y" is not a valid hostname component.',
      ),
      'InvalidRegion',
    ],
    [new Error('Invalid region in client config'), 'InvalidRegion'],
  ])('maps %s to kind configuration', (error, code) => {
    expect(classifyAwsError(error)).toBe('configuration');
    expect(awsErrorCode(error)).toBe(code);
  });

  it('matches known texts only, never any plain Error', () => {
    const other = new Error('Region is missing, said CANARY-cfg');

    expect(classifyAwsError(other)).toBe('unknown');
    expect(awsErrorCode(other)).toBeUndefined();
  });

  it('tells what to set, without the SDK text', () => {
    const missing = secretFailureMessage('configuration', 'prod/db', {
      code: 'RegionMissing',
    });
    const invalid = secretFailureMessage('configuration', 'prod/db', {
      code: 'InvalidRegion',
    });

    expect(missing).toContain('Secret "prod/db"');
    expect(missing).toContain('AWS_REGION');
    expect(missing).toContain('clientConfig.region');
    expect(invalid).toContain('not valid');
    expect(
      createSecretsError(missing, {
        kind: 'configuration',
        secretId: 'prod/db',
        code: 'RegionMissing',
      }),
    ).toBeInstanceOf(SecretConfigurationError);
  });
});
