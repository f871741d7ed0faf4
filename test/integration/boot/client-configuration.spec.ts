import 'reflect-metadata';
import { IsString } from 'class-validator';
import {
  Secret,
  SecretConfigurationError,
  SecretsModule,
  SecretsService,
} from 'nest-aws-secrets';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEST_CREDENTIALS } from '../../support/aws.js';
import { compile, compileFailure } from './support/boot-app.js';

// No region anywhere: no environment variable, no shared config file.
function withoutRegion(): void {
  vi.stubEnv('AWS_REGION', undefined);
  vi.stubEnv('AWS_DEFAULT_REGION', undefined);
  vi.stubEnv('AWS_PROFILE', undefined);
  vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/aws-config');
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/aws-credentials');
  // Keeps the SDK from asking an EC2 metadata endpoint for a region.
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('an AWS client without a region', () => {
  it('fails the boot with an actionable configuration issue', async () => {
    withoutRegion();

    @Secret('prod/no-region')
    class Db {
      @IsString() host!: string;
    }
    const error = await compileFailure({
      imports: [
        SecretsModule.forRoot({
          clientConfig: { credentials: TEST_CREDENTIALS },
          refreshMode: 'off',
          secrets: [Db],
        }),
      ],
    });

    expect(error.issues).toMatchObject([
      {
        secretId: 'prod/no-region',
        kind: 'configuration',
        code: 'RegionMissing',
      },
    ]);
    expect(error.message).toContain('no AWS region is configured');
    expect(error.message).toContain('AWS_REGION');
    expect(error.message).toContain('clientConfig.region');
  });

  it('rejects a refresh of an optional secret with a SecretConfigurationError', async () => {
    withoutRegion();

    @Secret('prod/no-region-optional', { required: false })
    class Db {
      @IsString() host!: string;
    }
    const module = await compile({
      imports: [
        SecretsModule.forRoot({
          clientConfig: { credentials: TEST_CREDENTIALS },
          refreshMode: 'off',
          secrets: [Db],
        }),
      ],
    });
    const secrets = module.get(SecretsService);

    const error = await secrets.refresh(Db).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SecretConfigurationError);
    expect(error).toMatchObject({
      kind: 'configuration',
      code: 'RegionMissing',
    });
    expect(secrets.status()[0].lastError).toMatchObject({
      kind: 'configuration',
      code: 'RegionMissing',
    });
    await module.close();
  });
});
