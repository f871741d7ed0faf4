import { Type } from 'class-transformer';
import {
  IsInt,
  IsString,
  IsUrl,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  Secret,
  SecretsBootError,
  SecretsModule,
  type SecretIssue,
} from 'nest-aws-secrets';
import { describe, expect, it } from 'vitest';
import { createSecret, uniqueSecretName } from '../support/aws.js';
import {
  assertNoCanary,
  errorHaystack,
  makeCanary,
} from '../support/canary.js';
import { bootFailure } from './support/boot.js';
import { dbSecretClass } from '../support/db-secret.js';
import { useScenarioEnv } from './support/scenario-env.js';

const env = useScenarioEnv();

class PoolSettings {
  @IsInt() @Min(1) @Max(100) max!: number;
}

function serviceClass(id: string) {
  @Secret(id)
  class ServiceSecret {
    @IsString() apiKey!: string;
    @IsUrl({ require_tld: false }) baseUrl!: string;
    @IsInt() @Min(1) port!: number;
    @ValidateNested() @Type(() => PoolSettings) pool!: PoolSettings;
  }
  return ServiceSecret;
}

const rowOf = (i: SecretIssue) => [i.secretId, i.path, i.rules];

describe('scenario 19: class-validator classes, every issue at once', () => {
  it('reports every failing field of every secret, nested ones too, in one error', async () => {
    const leaked = makeCanary();
    const service = uniqueSecretName('s19/service');
    const db = uniqueSecretName('s19/db');
    await createSecret(env.admin, service, {
      baseUrl: `not a url ${leaked}`,
      port: 0,
      pool: { max: 500 },
    });
    await createSecret(env.admin, db, { username: leaked, port: 'x' });

    const error = await bootFailure({
      imports: [
        SecretsModule.forRoot({
          client: env.client,
          secrets: [serviceClass(service), dbSecretClass(db)],
          logger: false,
        }),
      ],
    });

    expect(error).toBeInstanceOf(SecretsBootError);
    expect(error.issues.map(rowOf)).toEqual([
      [service, 'apiKey', ['isString']],
      [service, 'baseUrl', ['isUrl']],
      [service, 'port', ['min']],
      [service, 'pool.max', ['max']],
      [db, 'password', ['isNotEmpty', 'isString']],
      [db, 'port', ['isInt']],
    ]);
    const lines = error.message.split('\n');
    expect(lines[0]).toContain('6 issues');
    expect(lines.slice(1)).toEqual(error.issues.map((i) => `  - ${i.message}`));
    assertNoCanary([leaked], errorHaystack(error));
  });
});
