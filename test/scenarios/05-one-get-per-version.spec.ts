import { readFileSync } from 'node:fs';
import {
  SecretsModule,
  SecretsService,
  type SecretsRefreshMode,
} from 'nest-aws-secrets';
import { describe, expect, it } from 'vitest';
import { createSecret, putValue, uniqueSecretName } from '../support/aws.js';
import { makeCanary } from '../support/canary.js';
import { bootModule, runChecks } from './support/boot.js';
import { dbSecretClass, dbValue } from '../support/db-secret.js';
import { useScenarioEnv } from './support/scenario-env.js';

const env = useScenarioEnv();

const metadataCall: Record<'list' | 'describe', string> = {
  list: 'ListSecrets',
  describe: 'DescribeSecret',
};

describe('scenario 5: version-aware refresh', () => {
  it.each(['list', 'describe'] as const)(
    '%s mode: exactly one GetSecretValue per new version, none between rotations',
    async (mode: Extract<SecretsRefreshMode, 'list' | 'describe'>) => {
      const name = uniqueSecretName(`s05/${mode}`);
      await createSecret(env.admin, name, dbValue(makeCanary()));
      const Db = dbSecretClass(name);
      const { app } = await bootModule({
        imports: [
          SecretsModule.forRoot({
            client: env.client,
            secrets: [Db],
            refreshMode: mode,
            refreshIntervalMs: 3_600_000,
            logger: false,
          }),
        ],
      });
      env.track(() => app.close());
      const secrets = app.get(SecretsService);
      env.proxy.reset();

      await runChecks(app, 3);
      expect(env.proxy.count('GetSecretValue')).toBe(0);

      const v2 = await putValue(env.admin, name, dbValue(makeCanary()));
      await runChecks(app, 3);
      expect(env.proxy.count('GetSecretValue')).toBe(1);
      expect(secrets.metadata(Db).versionId).toBe(v2);

      const v3 = await putValue(env.admin, name, dbValue(makeCanary()));
      await runChecks(app, 2);

      expect(secrets.metadata(Db).versionId).toBe(v3);
      expect(env.proxy.counts()).toEqual({
        [metadataCall[mode]]: 8,
        GetSecretValue: 2,
      });
      expect(secrets.status()[0].state).toBe('fresh');
    },
  );

  it('is documented: GetSecretValue only for a version that moved', () => {
    const doc = readFileSync(
      new URL('../../docs/refresh.md', import.meta.url),
      'utf8',
    );
    const row = (mode: string) =>
      doc.split('\n').find((line) => line.startsWith(`| \`${mode}\``)) ?? '';

    expect(row('list')).toMatch(/GetSecretValue` only for a moved version/);
    expect(row('describe')).toMatch(/GetSecretValue` only for a moved version/);
  });
});
